// Package config is flagon's counterpart of Flask's app.config: a
// concurrency-safe map of UPPER_CASE keys to values, with typed getters and
// loaders for maps, structs, files, prefixed environment variables and
// .env/.flagonenv files.
//
// # Flask parity
//
//   - NewWithDefaults holds Flask 3.1's default keys and values. A key whose
//     Flask default is None is present with a nil value: Get reports it as
//     set, the typed getters treat it as unset.
//   - FromMap and FromStruct keep only upper-case keys, like from_mapping and
//     from_object.
//   - FromEnv is from_prefixed_env: values are decoded as JSON when they parse
//     as JSON and kept as strings otherwise, and "__" in a name nests into maps
//     (FLAGON_DB__URL sets DB["URL"]).
//   - FromFile is from_file: the caller passes the decoder (json.Unmarshal,
//     LoadJSON or any other, such as a TOML decoder), and silent tolerates a
//     missing file or a directory (Flask's ENOENT and EISDIR).
//   - FromEnvVar is from_envvar, SetDefault is dict.setdefault and
//     Namespace is get_namespace.
//   - LoadDotenv is flask.cli.load_dotenv: .env and .flagonenv (Flask's
//     .flaskenv) are searched in the directory and its parents, never
//     override the real environment, and .env wins over .flagonenv; explicit
//     files win over both. Files are parsed and interpolated as
//     python-dotenv's dotenv_values (quotes, escapes, export, comments,
//     multiline values, ${NAME:-default}).
//
// # Differences from Flask
//
//   - A dotenv statement python-dotenv cannot parse is a *DotenvError naming
//     the file and line, and nothing is loaded; python-dotenv logs a warning
//     and skips it (see docs/cli.md).
//   - Durations are time.Duration. Duration also accepts numbers of seconds,
//     as Flask does for PERMANENT_SESSION_LIFETIME, and strings such as "90s".
//   - SESSION_COOKIE_SAMESITE defaults to "Lax" (Flask: None).
//   - JSON integers decode to int (float64 only when they do not fit in 64
//     bits); Python keeps arbitrary-precision ints.
//   - A prefixed variable whose "__" path runs into a value that is not a map
//     is skipped (Flask raises TypeError); so is one with an empty path part.
//   - Typed getters convert where it is unambiguous: Bool accepts "yes"/"off",
//     Int accepts "42" and 42.0, String formats numbers and booleans.
//   - from_pyfile and from_object with a module or import string have no
//     equivalent: Go cannot execute a Python file or import by name; use
//     FromFile or FromStruct.
//   - Masked hides secret-looking keys and passwords inside URLs and DSNs for
//     the debug page and the CLI; Flask has no equivalent.
//   - Maps returned by Get are shared with the Config and must not be
//     modified; Snapshot returns a deep copy. Loaders never modify a map in
//     place: nesting replaces it with an updated copy.
package config
