import Testing
@testable import WeirExpansion
import WeirSyntax

/// A name's variables in nested function scopes: the innermost is what the name means,
/// the ones it hides come back as their scopes end or as it is unset.
@Suite struct VariableScopeTests {
    @Test func aLocalHidesTheGlobalUntilItsScopeEnds() throws {
        let store = VariableStore()
        try store.assign("v", "global")
        store.pushScope()
        try store.declareLocal("v")
        try store.assign("v", "one")
        store.pushScope()
        try store.declareLocal("v")
        try store.assign("v", "two")
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
        store.pushScope()
        try store.declareLocal("v")
        try store.assign("v", "caller's")
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
        store.pushScope()
        try store.declareLocal("only")
        try store.assign("only", "x")
        store.popScope()
        #expect(store.value("only") == nil)
        #expect(store.table["only"] == nil)
        try store.assign("g", "1")
        try store.unset("g")
        #expect(store.table["g"] == nil)
    }
}
