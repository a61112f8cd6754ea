/// The builtins, one file each, and the table that names them (special or not).
/// The executor sees them only through a registry the executable injects.
public enum WeirBuiltins {}
