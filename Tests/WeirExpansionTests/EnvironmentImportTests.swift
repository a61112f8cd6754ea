import Testing
import WeirSyntax
@testable import WeirExpansion

/// VariableStore.importExported: the environment's variables as the shell starts.
@Suite struct EnvironmentImportTests {
    @Test func importsExportedVariablesAndTellsTheWatcher() {
        let store = VariableStore()
        var told: [ByteString] = []
        store.watchedNames = ["LANG"]
        store.variableChanged = { told.append($0) }
        let generation = store.exportGeneration
        store.importExported("HOME", "/home/ann")
        store.importExported("LANG", "C.UTF-8")
        #expect(store.value("HOME") == "/home/ann")
        #expect(store.value("LANG") == "C.UTF-8")
        #expect(store.entry("HOME")?.attributes.contains(.exported) == true)
        #expect(told == ["LANG"])
        #expect(store.exportGeneration != generation)
    }

    /// An environment may name a variable twice (execve does not forbid it): the last
    /// value stays, exported, and the name has one slot.
    @Test func aNameGivenTwiceKeepsTheLastValue() {
        let store = VariableStore()
        store.importExported("X", "first")
        store.importExported("X", "second")
        #expect(store.value("X") == "second")
        #expect(store.entry("X")?.attributes.contains(.exported) == true)
        #expect(store.table["X"]?.hidden.isEmpty == true)
    }

    /// Under `set -a`, or inside a function's scope, the import takes the assignment path.
    @Test func importUnderAllExportOrInAScopeAssigns() {
        let store = VariableStore()
        store.allExport = true
        store.importExported("Y", "1")
        #expect(store.value("Y") == "1")
        store.allExport = false
        store.pushScope()
        store.importExported("Z", "2")
        #expect(store.value("Z") == "2")
        #expect(store.entry("Z")?.attributes.contains(.exported) == true)
        store.popScope()
    }
}
