/// The version of this Plexus build, as `plexus --version` prints it.
public enum PlexusVersion {
    /// The release this source tree is, `major.minor.patch`.
    public static let current = "0.5.0"
}
