import Testing
@testable import Distributed
@testable import RealRunner

/// Bucket planning over a network's flat parameter buffer.
@Suite struct GradientBucketTests {
    @Test func bucketsCoverTheBufferInBackwardOrder() {
        let views = [
            ParameterView(name: "a.weight", opID: 1, offset: 0, shape: [10]),
            ParameterView(name: "a.bias", opID: 1, offset: 10, shape: [2]),
            ParameterView(name: "b.weight", opID: 3, offset: 12, shape: [20]),
            ParameterView(name: "c.weight", opID: 5, offset: 32, shape: [8]),
        ]
        // 40 bytes per bucket: c (32 B) + b (80 B) close the first, a (48 B) the second.
        let buckets = GradientBucket.plan(views: views, bucketBytes: 40)
        #expect(buckets == [GradientBucket(elements: 12..<40, triggerOpID: 3), GradientBucket(elements: 0..<12, triggerOpID: 1)])
        let one = GradientBucket.plan(views: views, bucketBytes: 25_000_000)
        #expect(one == [GradientBucket(elements: 0..<40, triggerOpID: 1)])
    }
}
