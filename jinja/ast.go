package jinja

// expr is an expression node.
type expr interface{}

type (
	litExpr   struct{ v any }
	nameExpr  struct{ name string }
	listExpr  struct{ items []expr }
	tupleExpr struct{ items []expr }
	dictExpr  struct{ keys, vals []expr }
	attrExpr  struct {
		obj  expr
		name string
	}
	itemExpr  struct{ obj, key expr }
	sliceExpr struct {
		obj, lo, hi, step expr
	}
	callArgs struct {
		args   []expr
		kwargs []kwarg
		star   expr
		dstar  expr
	}
	kwarg struct {
		name string
		val  expr
	}
	callExpr struct {
		fn expr
		callArgs
	}
	filterExpr struct {
		obj  expr // nil inside a filter block: the block's output
		name string
		callArgs
	}
	testExpr struct {
		obj    expr
		name   string
		negate bool
		callArgs
	}
	binExpr struct {
		op   string
		l, r expr
	}
	cmpExpr struct {
		first expr
		ops   []string
		rest  []expr
	}
	unaryExpr struct {
		op string
		x  expr
	}
	condExpr   struct{ cond, a, b expr }
	concatExpr struct {
		parts []expr
		// folded is set when every part is a constant: Jinja then joins at
		// compile time into a plain str, so Markup parts lose their mark.
		folded bool
	}
)

// node is a statement node.
type node interface{}

type (
	textNode struct{ s string }
	outNode  struct {
		e    expr
		line int
	}
	ifNode struct {
		conds  []expr
		bodies [][]node
		els    []node
		line   int
	}
	forNode struct {
		target    expr
		iter      expr
		cond      expr
		recursive bool
		body, els []node
		line      int
	}
	setNode struct {
		target expr
		value  expr
		line   int
	}
	setBlockNode struct {
		target  expr // a name or ns.attr
		name    string
		filters []*filterExpr
		body    []node
		line    int
	}
	blockNode struct {
		name     string
		scoped   bool
		required bool
		body     []node
		line     int
	}
	extendsNode struct {
		e    expr
		line int
	}
	includeNode struct {
		e             expr
		ignoreMissing bool
		withContext   bool
		line          int
	}
	importNode struct {
		e           expr
		alias       string
		withContext bool
		line        int
	}
	fromImportNode struct {
		e           expr
		names       [][2]string
		withContext bool
		line        int
	}
	macroNode struct {
		name     string
		params   []param
		body     []node
		uses     map[string]bool
		line     int
		isCaller bool
	}
	param struct {
		name string
		def  expr
	}
	callBlockNode struct {
		call   *callExpr
		caller *macroNode
		line   int
	}
	filterBlockNode struct {
		filters []*filterExpr
		body    []node
		line    int
	}
	withNode struct {
		targets []expr
		vals    []expr
		body    []node
		line    int
	}
	autoescapeNode struct {
		e    expr
		body []node
		line int
	}
	// doNode is {% do expr %} (jinja2.ext.do).
	doNode struct {
		e    expr
		line int
	}
	// loopControlNode is {% break %} or {% continue %}
	// (jinja2.ext.loopcontrols).
	loopControlNode struct {
		brk  bool
		line int
	}
)
