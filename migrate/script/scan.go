package script

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// IndexFile is the name of the generated index file.
const IndexFile = "revisions.go"

// An Entry is a revision as read from its file, without compiling it.
type Entry struct {
	// ID, Down, BranchLabels, DependsOn and Message are the literal's fields.
	ID           string
	Down         []string
	BranchLabels []string
	DependsOn    []string
	Message      string
	// File is the file's base name; Var the revision variable's name.
	File, Var string
	// Registered reports whether the file adds the revision to the
	// package's registry (Registration).
	Registered bool
}

// Scan reads every revision literal in dir (a versions package). Files
// that declare no revision are ignored; a revision whose identifying
// fields are not literals is an error.
func Scan(dir string) ([]Entry, error) {
	names, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		return nil, err
	}
	var out []Entry
	fset := token.NewFileSet()
	for _, path := range names {
		base := filepath.Base(path)
		if base == IndexFile || strings.HasSuffix(base, "_test.go") {
			continue
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return nil, err
		}
		entries, err := parseEntries(fset, path, src)
		if err != nil {
			return nil, err
		}
		out = append(out, entries...)
	}
	return out, nil
}

// parseEntries parses one file's source and extracts its revisions.
func parseEntries(fset *token.FileSet, path string, src []byte) ([]Entry, error) {
	f, err := parser.ParseFile(fset, path, src, parser.SkipObjectResolution)
	if err != nil {
		return nil, fmt.Errorf("read revision file: %w", err)
	}
	out, err := fileEntries(f, filepath.Base(path))
	for i, e := range out {
		out[i].Registered = strings.Contains(string(src), RegistryVar+".Add("+e.Var+")")
	}
	return out, err
}

// fileEntries extracts the revision variables of one file.
func fileEntries(f *ast.File, base string) ([]Entry, error) {
	var out []Entry
	for _, d := range f.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.VAR {
			continue
		}
		for _, s := range gd.Specs {
			vs := s.(*ast.ValueSpec)
			if len(vs.Values) > len(vs.Names) {
				return nil, fmt.Errorf("%s: a var declaration has more values than names", base)
			}
			for i, v := range vs.Values {
				lit := revisionLit(v)
				if lit == nil {
					continue
				}
				e, err := entryOf(lit)
				if err != nil {
					return nil, fmt.Errorf("%s: revision %s: %w", base, vs.Names[i].Name, err)
				}
				e.File, e.Var = base, vs.Names[i].Name
				out = append(out, e)
			}
		}
	}
	return out, nil
}

// revisionLit returns the composite literal of &<pkg>.Revision{...}.
func revisionLit(e ast.Expr) *ast.CompositeLit {
	u, ok := e.(*ast.UnaryExpr)
	if !ok || u.Op != token.AND {
		return nil
	}
	lit, ok := u.X.(*ast.CompositeLit)
	if !ok {
		return nil
	}
	sel, ok := lit.Type.(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Revision" {
		return nil
	}
	return lit
}

// entryOf reads the identifying fields of a revision literal.
func entryOf(lit *ast.CompositeLit) (Entry, error) {
	var e Entry
	for _, el := range lit.Elts {
		kv, ok := el.(*ast.KeyValueExpr)
		if !ok {
			return e, fmt.Errorf("use field names in the revision literal")
		}
		key, _ := kv.Key.(*ast.Ident)
		if key == nil {
			continue
		}
		if err := setField(&e, key.Name, kv.Value); err != nil {
			return e, fmt.Errorf("field %s: %w", key.Name, err)
		}
	}
	if e.ID == "" {
		return e, fmt.Errorf("no ID")
	}
	return e, nil
}

// setField stores one literal field.
func setField(e *Entry, name string, v ast.Expr) error {
	var err error
	switch name {
	case "ID":
		e.ID, err = stringLit(v)
	case "Message":
		e.Message, err = stringLit(v)
	case "Down":
		e.Down, err = stringsLit(v)
	case "BranchLabels":
		e.BranchLabels, err = stringsLit(v)
	case "DependsOn":
		e.DependsOn, err = stringsLit(v)
	}
	return err
}

// stringLit reads a string literal.
func stringLit(v ast.Expr) (string, error) {
	b, ok := v.(*ast.BasicLit)
	if !ok || b.Kind != token.STRING {
		return "", fmt.Errorf("must be a string literal so that flagon db can read it")
	}
	return strconv.Unquote(b.Value)
}

// stringsLit reads nil or a []string literal.
func stringsLit(v ast.Expr) ([]string, error) {
	if id, ok := v.(*ast.Ident); ok && id.Name == "nil" {
		return nil, nil
	}
	lit, ok := v.(*ast.CompositeLit)
	if !ok {
		return nil, fmt.Errorf("must be nil or a []string literal so that flagon db can read it")
	}
	var out []string
	for _, el := range lit.Elts {
		s, err := stringLit(el)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, nil
}

// Exists reports whether dir is an existing directory.
func Exists(dir string) bool {
	st, err := os.Stat(dir)
	return err == nil && st.IsDir()
}

// IDs returns the identifiers of entries.
func IDs(entries []Entry) []string {
	out := make([]string, len(entries))
	for i, e := range entries {
		out[i] = e.ID
	}
	return slices.Clone(out)
}
