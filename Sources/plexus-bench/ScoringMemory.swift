import Foundation

/// Resident memory of this process, read from /proc (Linux), with a peak that can be restarted so
/// runs of different sizes in one process each report their own peak.
enum ScoringMemory {
    /// Restarts the peak (VmHWM) from the current resident size; `false` where the kernel refuses.
    @discardableResult
    static func resetPeak() -> Bool {
        // Writing 5 to clear_refs resets the peak resident set size (Linux 4.0 and later).
        (try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)) != nil
    }

    /// The current resident size (VmRSS) in MiB.
    static func currentMiB() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
              let kilobytes = Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
        else { return 0 }
        return kilobytes / 1024
    }
}
