import Testing
import WeirTestSupport

/// The spec cases: each script gives, under weir, the stdout and status that bash and/or
/// dash give. Where those shells are installed, they are run too, so a case proves weir
/// matches a real shell rather than a remembered answer.
@Suite struct SpecTests {
    @Test func thereAreCases() {
        #expect(SpecCase.all.count >= 200, "only \(SpecCase.all.count) spec cases")
    }

    /// A case file that does not follow the format is an error, not a case that passes.
    @Test func caseFilesAreWellFormed() {
        #expect(SpecCase.formatErrors.isEmpty, "\(SpecCase.formatErrors)")
    }

    @Test(arguments: SpecCase.all.filter { $0.appliesToWeir })
    func weirMatches(_ c: SpecCase) {
        let r = c.run(with: weirBinary)
        #expect(r.stdout == c.stdout, "stdout differs\nscript:\n\(c.script)\nstderr: \(r.stderr)")
        #expect(r.status == c.status, "status \(r.status), expected \(c.status)\nscript:\n\(c.script)\nstderr: \(r.stderr)")
    }

    /// The same cases with every `$(…)` in a child (WEIR_FORK_SUBSTITUTIONS): a builtin
    /// substitution run in the shell must give what the child gives.
    @Test(arguments: SpecCase.all.filter { $0.appliesToWeir && ($0.script.contains("$(") || $0.script.contains("`")) })
    func weirMatchesWithEverySubstitutionForked(_ c: SpecCase) {
        let r = c.run(with: weirBinary, environment: ["WEIR_FORK_SUBSTITUTIONS=1"])
        #expect(r.stdout == c.stdout, "stdout differs\nscript:\n\(c.script)\nstderr: \(r.stderr)")
        #expect(r.status == c.status, "status \(r.status), expected \(c.status)\nscript:\n\(c.script)\nstderr: \(r.stderr)")
    }

    @Test(arguments: SpecCase.all)
    func oracleAgrees(_ c: SpecCase) {
        for name in c.oracles {
            // A missing oracle proves nothing: it fails the case rather than skip it.
            guard let shell = which(name) else {
                Issue.record("the oracle shell \(name) is not installed: this case cannot be checked")
                continue
            }
            let r = c.run(with: shell)
            #expect(r.stdout == c.stdout && r.status == c.status,
                    "\(name) gives \(r.status) \(r.stdout.debugDescription): fix the case")
        }
    }
}
