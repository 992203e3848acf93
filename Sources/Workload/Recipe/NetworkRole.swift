/// Which of the two networks of a GAN.
public enum NetworkRole: String, Codable, Sendable, Hashable, CaseIterable {
    case generator = "G"
    case discriminator = "D"
}
