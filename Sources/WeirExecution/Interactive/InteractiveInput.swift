/// What the interactive shell reads from: the executable adapts the line editor to it,
/// so the execution layer never depends on readline.
public protocol InteractiveInput: AnyObject {
    func readLine(prompt: String) -> InteractiveLine
    /// Adds a command to the history (a multi-line command is one entry).
    func remember(_ command: String)
    var historyEntries: (first: Int, entries: [String]) { get }
    func clearHistory()
    func deleteHistoryEntry(_ number: Int) -> Bool
    func setViMode(_ vi: Bool)
    var screenSize: (rows: Int, columns: Int)? { get }
}

public enum InteractiveLine: Equatable {
    case line(String)
    case endOfInput
    case interrupted
}
