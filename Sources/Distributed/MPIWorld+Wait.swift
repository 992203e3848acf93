import CMPI

extension MPIWorld {
    /// Whether every request has completed (completed ones become `MPI_REQUEST_NULL`).
    func testAll(_ requests: inout [MPI_Request?], operation: @autoclosure () -> String) throws(MPIError) -> Bool {
        var flag: Int32 = 0
        let code = requests.withUnsafeMutableBufferPointer {
            MPI_Testall(Int32($0.count), $0.baseAddress, &flag, nil)
        }
        try Self.check(code, "MPI_Testall (\(operation()))")
        return flag != 0
    }

    /// Waits until every request has completed; throws `MPIError.timeout` after
    /// `timeoutSeconds` (see `PollLoop`).
    func wait(_ requests: inout [MPI_Request?], operation: @autoclosure () -> String) throws(MPIError) {
        try PollLoop.run(timeoutSeconds: timeoutSeconds, sleeps: sleepsWhileWaiting, operation: operation()) { () throws(MPIError) in
            try testAll(&requests, operation: operation())
        }
    }
}
