// Package doccheck holds tests that check the guides in docs/ against the
// code: the quickstart is followed in a temporary folder, and every flagon
// name the porting guide's table mentions must exist (porting_names.go
// refers to each, so a rename breaks the build).
package doccheck
