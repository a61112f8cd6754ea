import Testing
@testable import WeirExpansion
import WeirSyntax

/// A name's variables in nested function scopes: the innermost is what the name means,
/// the ones it hides come back as their scopes end or as it is unset.
@Suite struct VariableScopeTests {
    /// A function call's scope with `local name=value` in it.
    func enterWithLocal(_ store: VariableStore, _ name: ByteString, _ value: ByteString) throws {
        store.pushScope()
        try store.declareLocal(name)
        try store.assign(name, value)
    }

    @Test func aLocalHidesTheGlobalUntilItsScopeEnds() throws {
        let store = VariableStore()
        try store.assign("v", "global")
        try enterWithLocal(store, "v", "one")
        try enterWithLocal(store, "v", "two")
        #expect(store.value("v") == "two")
        #expect(store.table["v"]?.hidden.count == 2)
        store.popScope()
        #expect(store.value("v") == "one")
        store.popScope()
        #expect(store.value("v") == "global")
        #expect(store.table["v"]?.hidden.isEmpty == true)
    }

    /// A calling function's local unset from a function it called is gone, and the
    /// variable under it shows again (bash); a local of this scope stays, unset.
    @Test func unsetOfALocalAtEachDepth() throws {
        let store = VariableStore()
        try store.assign("v", "global")
        try enterWithLocal(store, "v", "caller's")
        store.pushScope()
        try store.unset("v")
        #expect(store.value("v") == "global")
        try store.declareLocal("v")
        try store.assign("v", "mine")
        try store.unset("v")
        #expect(store.value("v") == nil)
        #expect(store.isLocal("v"))
        store.popScope()
        store.popScope()
        #expect(store.value("v") == "global")
    }

    /// A local made for a name no outer scope has is gone with its scope.
    @Test func aLocalWithNothingUnderItLeavesNoName() throws {
        let store = VariableStore()
        try enterWithLocal(store, "only", "x")
        store.popScope()
        #expect(store.value("only") == nil)
        #expect(store.table["only"] == nil)
        try store.assign("g", "1")
        try store.unset("g")
        #expect(store.table["g"] == nil)
    }
}
