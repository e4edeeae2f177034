import PlexusMonitoring

extension MonitorSourceRegistry {
    /// Every built-in monitor source with `explanation` beside them: what the server and the CLI
    /// use. (``MonitorSourceRegistry/standard`` lives in PlexusMonitoring, which cannot see PlexusModels.)
    public static let withModels = MonitorSourceRegistry.standard.adding([
        ExplanationMonitorSource.self,
    ])
}
