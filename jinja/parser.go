package jinja

import (
	"fmt"
	"math/big"
	"strconv"
	"strings"
)

// maxNesting bounds how deeply expressions may nest, so that hostile
// templates fail with a syntax error instead of exhausting the stack.
const maxNesting = 200

// parser builds the node tree of one template.
type parser struct {
	segs   []segment
	pos    int
	name   string
	blocks map[string]*blockNode
	uses   map[string]bool // names read, collected for the macro being parsed
	nest   int             // expression nesting, bounded by maxNesting
	ext    extensions      // the enabled extensions' tags
	loops  int             // for loops around the tag being parsed
	// soft is set inside an if statement or inline if, where Jinja lets
	// an unknown filter or test fail only when it runs; used records every
	// filter and test name for the check after parsing.
	soft bool
	used []usedName
	// tagStack and endStack are the statements being parsed and the end
	// tags their bodies wait for, for Jinja's unknown-tag messages.
	tagStack []string
	endStack [][]string
	// expression state
	toks []token
	tp   int
	line int
}

// parse turns source into the template's top-level nodes.
func parse(name, src string, ext extensions, lex lexOptions) (body []node, blocks map[string]*blockNode, used []usedName, err error) {
	segs, err := splitSegments(src, lex)
	if err != nil {
		if e, ok := err.(*Error); ok {
			e.Template = name
		}
		return nil, nil, nil, err
	}
	p := &parser{segs: segs, name: name, blocks: map[string]*blockNode{}, uses: map[string]bool{}, ext: ext}
	defer func() {
		if r := recover(); r != nil {
			e, ok := r.(*Error)
			if !ok {
				panic(r)
			}
			e.Template, e.Line = name, p.line
			err = e
		}
	}()
	body, end := p.parseBody()
	if end != "" {
		p.fail("Encountered unknown tag '%s'.", end)
	}
	return body, p.blocks, p.used, nil
}

// usedName is a filter or test a template uses, checked against the
// environment once the template is parsed.
type usedName struct {
	name       string
	test, soft bool
	line       int
}

// use records a filter or test name at the current position.
func (p *parser) use(name string, test bool) {
	p.used = append(p.used, usedName{name: name, test: test, soft: p.soft, line: p.line})
}

// hard parses with soft off (a loop, macro, block, ... body), as Jinja
// compiles those in a frame of their own.
func (p *parser) hard(fn func()) {
	saved := p.soft
	p.soft = false
	fn()
	p.soft = saved
}

func (p *parser) fail(format string, args ...any) {
	panic(newErr("TemplateSyntaxError", format, args...))
}

// parseBody parses nodes until a block tag it does not know (an end or
// middle tag of the caller) and returns that tag's first word; the tag's
// tokens stay loaded for the caller.
func (p *parser) parseBody(ends ...string) ([]node, string) {
	p.nest++
	defer func() { p.nest-- }()
	if p.nest > maxNesting {
		p.fail("statements nested too deeply")
	}
	if len(ends) > 0 {
		p.endStack = append(p.endStack, ends)
		defer func() { p.endStack = p.endStack[:len(p.endStack)-1] }()
	}
	var out []node
	for p.pos < len(p.segs) {
		s := p.segs[p.pos]
		p.pos++
		p.line = s.line
		switch s.kind {
		case segText:
			out = append(out, &textNode{s.src})
		case segVar:
			p.load(s.src)
			e := p.parseTuple(false)
			p.expectEnd()
			out = append(out, &outNode{e, s.line})
		case segBlock:
			p.load(s.src)
			tag := p.next()
			if tag.kind != tokName {
				p.fail("tag name expected")
			}
			for _, e := range ends {
				if tag.val == e {
					return out, tag.val
				}
			}
			n := p.parseStatement(tag.val)
			if n != nil {
				out = append(out, n)
			}
		}
	}
	if len(ends) > 0 {
		if n := len(p.segs); n > 0 {
			p.line = p.segs[n-1].line + strings.Count(p.segs[n-1].src, "\n")
		}
		p.failUnknownTag("")
	}
	return out, ""
}

// failUnknownTag fails as Jinja's parser does on a tag it does not know
// here (name) or on the end of the template (name ""): naming the tags
// it was looking for and the innermost open block.
func (p *parser) failUnknownTag(name string) {
	msg := []string{"Unexpected end of template."}
	if name != "" {
		msg[0] = fmt.Sprintf("Encountered unknown tag '%s'.", name)
	}
	if n := len(p.endStack); n > 0 {
		looking := "'" + strings.Join(p.endStack[n-1], "' or '") + "'"
		expected := false
		for _, ends := range p.endStack {
			for _, e := range ends {
				expected = expected || e == name
			}
		}
		if expected {
			msg = append(msg, "You probably made a nesting mistake. Jinja is expecting this tag, but currently looking for "+looking+".")
		} else {
			msg = append(msg, "Jinja was looking for the following tags: "+looking+".")
		}
	}
	if n := len(p.tagStack); n > 0 {
		msg = append(msg, fmt.Sprintf("The innermost block that needs to be closed is '%s'.", p.tagStack[n-1]))
	}
	p.fail("%s", strings.Join(msg, " "))
}

func (p *parser) load(src string) {
	toks, err := tokenize(src)
	if err != nil {
		panic(err)
	}
	p.toks, p.tp = toks, 0
}

func (p *parser) peek() token {
	if p.tp < len(p.toks) {
		return p.toks[p.tp]
	}
	return token{}
}

func (p *parser) peekAt(n int) token {
	if p.tp+n < len(p.toks) {
		return p.toks[p.tp+n]
	}
	return token{}
}

func (p *parser) next() token {
	t := p.peek()
	if p.tp < len(p.toks) {
		p.tp++
	}
	return t
}

func (p *parser) isOp(v string) bool   { t := p.peek(); return t.kind == tokOp && t.val == v }
func (p *parser) isName(v string) bool { t := p.peek(); return t.kind == tokName && t.val == v }

func (p *parser) skipOp(v string) bool {
	if p.isOp(v) {
		p.tp++
		return true
	}
	return false
}

func (p *parser) skipName(v string) bool {
	if p.isName(v) {
		p.tp++
		return true
	}
	return false
}

func (p *parser) expectOp(v string) {
	if !p.skipOp(v) {
		p.fail("expected token '%s', got '%s'", v, p.peek().val)
	}
}

func (p *parser) expectName() string {
	t := p.next()
	if t.kind != tokName {
		p.fail("expected name, got '%s'", t.val)
	}
	return t.val
}

// expectBodyEnd ends a statement that has a body; as Jinja's
// parse_statements, a colon may come first ({% for x in xs: %}).
func (p *parser) expectBodyEnd() {
	if p.isOp(":") && p.tp+1 == len(p.toks) {
		p.next()
	}
	p.expectEnd()
}

func (p *parser) expectEnd() {
	if p.tp < len(p.toks) {
		p.fail("expected token 'end of statement block', got '%s'", p.peek().val)
	}
}

// parseStatement parses the block tag whose name was just read.
func (p *parser) parseStatement(tag string) node {
	line := p.line
	defer func(n int) { p.tagStack = p.tagStack[:n] }(len(p.tagStack))
	p.tagStack = append(p.tagStack, tag)
	switch tag {
	case "if":
		return p.parseIf(line)
	case "for":
		return p.parseFor(line)
	case "set":
		return p.parseSet(line)
	case "block":
		return p.parseBlock(line)
	case "extends":
		e := p.parseExpr()
		p.expectEnd()
		return &extendsNode{e, line}
	case "include":
		return p.parseInclude(line)
	case "import":
		e := p.parseExpr()
		if !p.skipName("as") {
			p.fail("expected 'as'")
		}
		n := &importNode{e: e, alias: p.expectName(), line: line}
		n.withContext = p.parseContextMod(false)
		p.expectEnd()
		return n
	case "from":
		return p.parseFrom(line)
	case "macro":
		m := p.parseMacroSig(line)
		p.parseMacroBody(m, "endmacro")
		return m
	case "call":
		return p.parseCallBlock(line)
	case "filter":
		fs := p.parseFilterChain()
		p.expectBodyEnd()
		body, _ := p.parseBody("endfilter")
		return &filterBlockNode{fs, body, line}
	case "with":
		n := &withNode{line: line}
		for p.tp < len(p.toks) {
			if len(n.targets) > 0 {
				p.expectOp(",")
			}
			n.targets = append(n.targets, p.parseAssignTarget())
			p.refuseAttrTarget(n.targets[len(n.targets)-1])
			p.expectOp("=")
			n.vals = append(n.vals, p.parseExpr())
		}
		n.body, _ = p.parseBody("endwith")
		return n
	case "print":
		// {% print expr %}, Jinja's print statement.
		e := p.parseTuple(false)
		p.expectEnd()
		return &outNode{e, line}
	case "autoescape":
		e := p.parseExpr()
		p.expectBodyEnd()
		body, _ := p.parseBody("endautoescape")
		return &autoescapeNode{e, body, line}
	case "do":
		if p.ext.do {
			e := p.parseTuple(false)
			p.expectEnd()
			return &doNode{e, line}
		}
	case "break", "continue":
		if p.ext.loopControls {
			p.expectEnd()
			if p.loops == 0 {
				panic(newErr("SyntaxError", "'%s' outside loop", tag))
			}
			return &loopControlNode{tag == "break", line}
		}
	}
	p.tagStack = p.tagStack[:len(p.tagStack)-1]
	p.failUnknownTag(tag)
	return nil
}

func (p *parser) parseIf(line int) node {
	n := &ifNode{line: line}
	saved := p.soft
	p.soft = true
	defer func() { p.soft = saved }()
	cond := p.parseTuple(false)
	for {
		p.expectBodyEnd()
		body, end := p.parseBody("elif", "else", "endif")
		n.conds = append(n.conds, cond)
		n.bodies = append(n.bodies, body)
		switch end {
		case "elif":
			cond = p.parseTuple(false)
			continue
		case "else":
			p.expectBodyEnd()
			n.els, _ = p.parseBody("endif")
		}
		return n
	}
}

func (p *parser) parseFor(line int) node {
	n := &forNode{line: line}
	n.target = p.parseAssignTargetTuple()
	p.refuseAttrTarget(n.target)
	if assignsName(n.target, "loop") {
		p.fail("Can't assign to special loop variable in for-loop target")
	}
	if !p.skipName("in") {
		p.fail("expected 'in'")
	}
	n.iter = p.parseTupleNoCond()
	if p.skipName("if") {
		n.cond = p.parseExpr()
	}
	n.recursive = p.skipName("recursive")
	p.expectBodyEnd()
	p.loops++
	var body []node
	var end string
	p.hard(func() { body, end = p.parseBody("endfor", "else") })
	p.loops--
	n.body = body
	if end == "else" {
		p.expectBodyEnd()
		n.els, _ = p.parseBody("endfor")
	}
	return n
}

func (p *parser) parseSet(line int) node {
	target := p.parseAssignTargetTuple()
	if p.skipOp("=") {
		v := p.parseTuple(false)
		p.expectEnd()
		return &setNode{target, v, line}
	}
	name, ok := target.(*nameExpr)
	if _, attr := target.(*attrExpr); !ok && !attr {
		p.fail("expected '='")
	}
	if !ok {
		name = &nameExpr{}
	}
	var fs []*filterExpr
	if p.skipOp("|") {
		fs = p.parseFilterChain()
	}
	p.expectBodyEnd()
	body, _ := p.parseBody("endset")
	return &setBlockNode{target, name.name, fs, body, line}
}

func (p *parser) parseBlock(line int) node {
	n := &blockNode{name: p.expectName(), line: line}
	if p.isOp("-") {
		p.fail("Block names in Jinja have to be valid Python identifiers and may not contain hyphens, use an underscore instead.")
	}
	// As in Jinja: "scoped" then "required", each at most once.
	n.scoped = p.skipName("scoped")
	n.required = p.skipName("required")
	if p.isOp(":") && p.tp+1 == len(p.toks) {
		p.next()
	}
	if p.tp < len(p.toks) {
		p.fail("expected end of block statement")
	}
	if _, dup := p.blocks[n.name]; dup {
		p.fail("block '%s' defined twice", n.name)
	}
	p.blocks[n.name] = n
	loops := p.loops
	p.loops = 0 // a block renders as its own function in Jinja
	p.hard(func() { n.body, _ = p.parseBody("endblock") })
	if n.required {
		for _, c := range n.body {
			if t, ok := c.(*textNode); !ok || strings.TrimSpace(t.s) != "" {
				p.fail("Required blocks can only contain comments or whitespace")
			}
		}
	}
	p.loops = loops
	if p.isName(n.name) {
		p.next()
	}
	p.expectEnd()
	return n
}

func (p *parser) parseInclude(line int) node {
	n := &includeNode{e: p.parseExpr(), withContext: true, line: line}
	if p.isName("ignore") && p.peekAt(1).val == "missing" {
		p.tp += 2
		n.ignoreMissing = true
	}
	n.withContext = p.parseContextMod(true)
	p.expectEnd()
	return n
}

// parseContextMod reads an optional "with context" / "without context".
func (p *parser) parseContextMod(def bool) bool {
	if (p.isName("with") || p.isName("without")) && p.peekAt(1).val == "context" {
		w := p.next().val == "with"
		p.next()
		return w
	}
	return def
}

func (p *parser) parseFrom(line int) node {
	n := &fromImportNode{e: p.parseExpr(), line: line}
	if !p.skipName("import") {
		p.fail("expected 'import'")
	}
	// Jinja's parse_from: names separated by commas, at least one, a
	// trailing comma only before "with/without context".
	isContext := func() bool {
		return (p.isName("with") || p.isName("without")) && p.peekAt(1).kind == tokName && p.peekAt(1).val == "context"
	}
	for {
		if len(n.names) > 0 {
			p.expectOp(",")
		}
		if isContext() {
			n.withContext = p.parseContextMod(false)
			break
		}
		name := p.expectName()
		if strings.HasPrefix(name, "_") {
			panic(newErr("TemplateAssertionError", "names starting with an underline can not be imported"))
		}
		alias := name
		if p.skipName("as") {
			alias = p.expectName()
		}
		n.names = append(n.names, [2]string{name, alias})
		if isContext() {
			n.withContext = p.parseContextMod(false)
			break
		}
		if !p.isOp(",") {
			break
		}
	}
	p.expectEnd()
	return n
}

func (p *parser) parseMacroSig(line int) *macroNode {
	m := &macroNode{name: p.expectName(), line: line}
	m.params = p.parseParams()
	p.expectBodyEnd()
	return m
}

func (p *parser) parseParams() []param {
	var ps []param
	p.expectOp("(")
	for !p.skipOp(")") {
		if len(ps) > 0 {
			p.expectOp(",")
			if p.skipOp(")") {
				break
			}
		}
		pr := param{name: p.expectName()}
		if p.skipOp("=") {
			pr.def = p.parseExpr()
		} else if len(ps) > 0 && ps[len(ps)-1].def != nil {
			p.fail("parameter without a default follows parameter with a default")
		} else if pr.name == "caller" {
			panic(newErr("TemplateAssertionError", `"caller" argument must be omitted or be given a default.`))
		}
		ps = append(ps, pr)
	}
	return ps
}

func (p *parser) parseMacroBody(m *macroNode, end string) {
	saved, loops := p.uses, p.loops
	p.uses, p.loops = map[string]bool{}, 0
	p.hard(func() { m.body, _ = p.parseBody(end) })
	m.uses = p.uses
	p.uses, p.loops = saved, loops
	for k := range m.uses {
		p.uses[k] = true
	}
}

func (p *parser) parseCallBlock(line int) node {
	caller := &macroNode{name: "caller", line: line, isCaller: true}
	if p.isOp("(") {
		caller.params = p.parseParams()
	}
	e := p.parseExpr()
	call, ok := e.(*callExpr)
	if !ok {
		p.fail("expected call")
	}
	p.expectBodyEnd()
	p.parseMacroBody(caller, "endcall")
	return &callBlockNode{call, caller, line}
}

func (p *parser) parseFilterChain() []*filterExpr {
	var fs []*filterExpr
	first := true
	for first || p.skipOp("|") {
		first = false
		fs = append(fs, p.parseFilterCall(nil))
	}
	return fs
}

// parseAssignTarget reads a name or ns.attr.
func (p *parser) parseAssignTarget() expr {
	if p.skipOp("(") {
		t := p.parseAssignTargetTuple()
		p.expectOp(")")
		return t
	}
	name := p.expectName()
	switch name {
	case "true", "false", "none", "True", "False", "None":
		p.fail("can't assign to 'const'")
	}
	if p.skipOp(".") {
		return &attrExpr{&nameExpr{name}, p.expectName()}
	}
	return &nameExpr{name}
}

// refuseAttrTarget fails on an ns.attr target outside {% set %}: as in
// Jinja, only set assigns namespace attributes; loops and with bind names.
// assignsName reports whether the assignment target t binds name.
func assignsName(t expr, name string) bool {
	switch t := t.(type) {
	case *nameExpr:
		return t.name == name
	case *tupleExpr:
		for _, it := range t.items {
			if assignsName(it, name) {
				return true
			}
		}
	}
	return false
}

func (p *parser) refuseAttrTarget(t expr) {
	switch t := t.(type) {
	case *attrExpr:
		p.fail("can't assign to attribute '%s' here; only {%% set %%} assigns namespace attributes", t.name)
	case *tupleExpr:
		for _, it := range t.items {
			p.refuseAttrTarget(it)
		}
	}
}

func (p *parser) parseAssignTargetTuple() expr {
	first := p.parseAssignTarget()
	if !p.isOp(",") {
		return first
	}
	t := &tupleExpr{items: []expr{first}}
	for p.skipOp(",") {
		if p.peek().kind != tokName && !p.isOp("(") {
			break
		}
		t.items = append(t.items, p.parseAssignTarget())
	}
	return t
}

// parseTuple parses expressions separated by commas; more than one (or a
// trailing comma) make a tuple.
func (p *parser) parseTuple(noCond bool) expr {
	parse := p.parseExpr
	if noCond {
		parse = p.parseOr
	}
	first := parse()
	if !p.isOp(",") {
		return first
	}
	t := &tupleExpr{items: []expr{first}}
	for p.skipOp(",") {
		if p.tp >= len(p.toks) || p.isOp(")") || p.isName("if") || p.isName("recursive") {
			break
		}
		t.items = append(t.items, parse())
	}
	return t
}

func (p *parser) parseTupleNoCond() expr { return p.parseTuple(true) }

// parseExpr parses a full expression with inline if.
func (p *parser) parseExpr() expr {
	mark := len(p.used)
	e := p.parseOr()
	if p.skipName("if") {
		for i := mark; i < len(p.used); i++ {
			p.used[i].soft = true
		}
		saved := p.soft
		p.soft = true
		defer func() { p.soft = saved }()
		c := &condExpr{cond: p.parseOr(), a: e}
		if p.skipName("else") {
			c.b = p.parseExpr()
		}
		return c
	}
	return e
}

func (p *parser) parseOr() expr {
	e := p.parseAnd()
	for p.skipName("or") {
		e = &binExpr{"or", e, p.parseAnd()}
	}
	return e
}

func (p *parser) parseAnd() expr {
	e := p.parseNot()
	for p.skipName("and") {
		e = &binExpr{"and", e, p.parseNot()}
	}
	return e
}

func (p *parser) parseNot() expr {
	if p.isName("not") {
		p.next()
		return &unaryExpr{"not", p.parseNot()}
	}
	return p.parseCompare()
}

func (p *parser) parseCompare() expr {
	first := p.parseMath1()
	c := &cmpExpr{first: first}
	for {
		t := p.peek()
		switch {
		case t.kind == tokOp && (t.val == "==" || t.val == "!=" || t.val == "<" || t.val == ">" || t.val == "<=" || t.val == ">="):
			p.next()
			c.ops = append(c.ops, t.val)
		case t.kind == tokName && t.val == "in":
			p.next()
			c.ops = append(c.ops, "in")
		case t.kind == tokName && t.val == "not" && p.peekAt(1).val == "in" && p.peekAt(1).kind == tokName:
			p.tp += 2
			c.ops = append(c.ops, "notin")
		default:
			if len(c.ops) == 0 {
				return first
			}
			return c
		}
		c.rest = append(c.rest, p.parseMath1())
	}
}

func (p *parser) parseMath1() expr {
	e := p.parseConcat()
	for p.isOp("+") || p.isOp("-") {
		op := p.next().val
		e = &binExpr{op, e, p.parseConcat()}
	}
	return e
}

func (p *parser) parseConcat() expr {
	e := p.parseMath2()
	if !p.isOp("~") {
		return e
	}
	c := &concatExpr{parts: []expr{e}}
	for p.skipOp("~") {
		c.parts = append(c.parts, p.parseMath2())
	}
	c.folded = true
	for _, part := range c.parts {
		c.folded = c.folded && isConst(part)
	}
	return c
}

// contextFilters and contextTests need the render context, so Jinja's
// optimizer never folds them.
var contextFilters = map[string]bool{"map": true, "select": true, "reject": true, "selectattr": true, "rejectattr": true}

// isConst reports whether Jinja's optimizer would evaluate e at compile
// time.
func isConst(e expr) bool {
	all := func(es []expr) bool {
		for _, x := range es {
			if !isConst(x) {
				return false
			}
		}
		return true
	}
	args := func(a callArgs) bool {
		if a.star != nil || a.dstar != nil || !all(a.args) {
			return false
		}
		for _, k := range a.kwargs {
			if !isConst(k.val) {
				return false
			}
		}
		return true
	}
	switch e := e.(type) {
	case *litExpr:
		return true
	case *listExpr:
		return all(e.items)
	case *tupleExpr:
		return all(e.items)
	case *dictExpr:
		return all(e.keys) && all(e.vals)
	case *filterExpr:
		_, builtin := builtinFilters[e.name]
		return builtin && !contextFilters[e.name] && e.obj != nil && isConst(e.obj) && args(e.callArgs)
	case *binExpr:
		return e.op != "and" && e.op != "or" && isConst(e.l) && isConst(e.r)
	case *unaryExpr:
		return isConst(e.x)
	case *concatExpr:
		return e.folded
	}
	return false
}

func (p *parser) parseMath2() expr {
	e := p.parsePow()
	for p.isOp("*") || p.isOp("/") || p.isOp("//") || p.isOp("%") {
		op := p.next().val
		e = &binExpr{op, e, p.parsePow()}
	}
	return e
}

func (p *parser) parsePow() expr {
	e := p.parseUnary(true)
	for p.skipOp("**") {
		e = &binExpr{"**", e, p.parseUnary(true)}
	}
	return e
}

func (p *parser) parseUnary(withFilter bool) expr {
	p.nest++
	defer func() { p.nest-- }()
	if p.nest > maxNesting {
		p.fail("expression nested too deeply")
	}
	var e expr
	switch {
	case p.isOp("-"):
		p.next()
		e = &unaryExpr{"-", p.parseUnary(false)}
	case p.isOp("+"):
		p.next()
		e = &unaryExpr{"+", p.parseUnary(false)}
	default:
		e = p.parsePrimary()
	}
	e = p.parsePostfix(e)
	if withFilter {
		e = p.parseFilterExpr(e)
	}
	return e
}

func (p *parser) parsePrimary() expr {
	t := p.next()
	switch t.kind {
	case tokName:
		switch t.val {
		case "true", "True":
			return &litExpr{true}
		case "false", "False":
			return &litExpr{false}
		case "none", "None":
			return &litExpr{nil}
		}
		p.uses[t.val] = true
		return &nameExpr{t.val}
	case tokString:
		s := t.val
		for p.peek().kind == tokString {
			s += p.next().val
		}
		return &litExpr{s}
	case tokInt:
		base := 10
		if len(t.val) > 1 && strings.IndexByte("bBoOxX", t.val[1]) >= 0 {
			base = 0 // 0b, 0o, 0x
		}
		n, err := strconv.ParseInt(t.val, base, 0)
		if err != nil {
			b, ok := new(big.Int).SetString(t.val, base)
			if !ok {
				p.fail("invalid integer literal %s", t.val)
			}
			return &litExpr{b}
		}
		return &litExpr{int(n)}
	case tokFloat:
		f, _ := strconv.ParseFloat(t.val, 64)
		return &litExpr{f}
	case tokOp:
		switch t.val {
		case "(":
			if p.skipOp(")") {
				return &tupleExpr{}
			}
			e := p.parseExpr()
			if p.isOp(",") {
				tu := &tupleExpr{items: []expr{e}}
				for p.skipOp(",") {
					if p.isOp(")") {
						break
					}
					tu.items = append(tu.items, p.parseExpr())
				}
				e = tu
			}
			p.expectOp(")")
			return e
		case "[":
			l := &listExpr{}
			for !p.skipOp("]") {
				if len(l.items) > 0 {
					p.expectOp(",")
					if p.skipOp("]") {
						break
					}
				}
				l.items = append(l.items, p.parseExpr())
			}
			return l
		case "{":
			d := &dictExpr{}
			for !p.skipOp("}") {
				if len(d.keys) > 0 {
					p.expectOp(",")
					if p.skipOp("}") {
						break
					}
				}
				d.keys = append(d.keys, p.parseExpr())
				p.expectOp(":")
				d.vals = append(d.vals, p.parseExpr())
			}
			return d
		}
	}
	if t.kind == tokEOF {
		p.fail("unexpected end of expression")
	}
	p.fail("unexpected '%s'", t.val)
	return nil
}

func (p *parser) parsePostfix(e expr) expr {
	for {
		switch {
		case p.isOp("."):
			p.next()
			t := p.next()
			switch t.kind {
			case tokName:
				e = &attrExpr{e, t.val}
			case tokInt:
				n, _ := strconv.Atoi(t.val)
				e = &itemExpr{e, &litExpr{n}}
			default:
				p.fail("expected name or number after '.'")
			}
		case p.isOp("["):
			p.next()
			e = p.parseSubscript(e)
		case p.isOp("("):
			p.next()
			e = &callExpr{e, p.parseCallArgs()}
		default:
			return e
		}
	}
}

func (p *parser) parseSubscript(obj expr) expr {
	var parts [3]expr
	idx := 0
	isSlice := false
	for !p.skipOp("]") {
		if p.skipOp(":") {
			isSlice = true
			idx++
			if idx > 2 {
				p.fail("invalid slice")
			}
			continue
		}
		if p.isOp(",") {
			p.fail("tuple subscripts are not supported")
		}
		parts[idx] = p.parseExpr()
	}
	if !isSlice {
		return &itemExpr{obj, parts[0]}
	}
	return &sliceExpr{obj, parts[0], parts[1], parts[2]}
}

// parseCallArgs parses arguments after "(" up to and including ")".
func (p *parser) parseCallArgs() callArgs {
	var a callArgs
	first := true
	for !p.skipOp(")") {
		if !first {
			p.expectOp(",")
			if p.skipOp(")") {
				break
			}
		}
		first = false
		// Jinja's order: positional, keyword and *args, then **kwargs.
		ensure := func(ok bool) {
			if !ok {
				p.fail("invalid syntax for function call expression")
			}
		}
		switch {
		case p.skipOp("**"):
			ensure(a.dstar == nil)
			a.dstar = p.parseExpr()
		case p.skipOp("*"):
			ensure(a.star == nil && a.dstar == nil)
			a.star = p.parseExpr()
		case p.peek().kind == tokName && p.peekAt(1).kind == tokOp && p.peekAt(1).val == "=":
			ensure(a.dstar == nil)
			name := p.next().val
			p.next()
			a.kwargs = append(a.kwargs, kwarg{name, p.parseExpr()})
		default:
			ensure(a.star == nil && a.dstar == nil && len(a.kwargs) == 0)
			a.args = append(a.args, p.parseExpr())
		}
	}
	return a
}

func (p *parser) parseFilterCall(obj expr) *filterExpr {
	name := p.expectName()
	for p.isOp(".") && p.peekAt(1).kind == tokName {
		p.next()
		name += "." + p.next().val
	}
	f := &filterExpr{obj: obj, name: name}
	p.use(name, false)
	if p.skipOp("(") {
		f.callArgs = p.parseCallArgs()
	}
	return f
}

func (p *parser) parseFilterExpr(e expr) expr {
	for {
		switch {
		case p.skipOp("|"):
			e = p.parseFilterCall(e)
		case p.isName("is"):
			p.next()
			t := &testExpr{obj: e}
			t.negate = p.skipName("not")
			t.name = p.expectName()
			for p.isOp(".") && p.peekAt(1).kind == tokName {
				p.next()
				t.name += "." + p.next().val
			}
			p.use(t.name, true)
			if p.isName("is") {
				p.fail("You cannot chain multiple tests with is")
			}
			nt := p.peek()
			switch {
			case p.skipOp("("):
				t.callArgs = p.parseCallArgs()
			case nt.kind == tokString || nt.kind == tokInt || nt.kind == tokFloat || p.isOp("[") || p.isOp("{") ||
				(nt.kind == tokName && nt.val != "else" && nt.val != "or" && nt.val != "and" && nt.val != "if" && nt.val != "is" && nt.val != "not" && nt.val != "in"):
				if nt.kind == tokName && nt.val == "in" {
					break
				}
				arg := p.parsePostfix(p.parsePrimary())
				t.args = []expr{arg}
			}
			e = t
		case p.isOp("("):
			p.next()
			e = &callExpr{e, p.parseCallArgs()} // x|attr('f')() as in Jinja
		default:
			return e
		}
	}
}
