package orm

import (
	"fmt"
	"strings"
)

// A joinNode is a relationship loaded from the query's own statement:
// joined with a LEFT OUTER JOIN to an anonymous alias (JoinedLoad,
// lazy:"joined"), or read from a join the user wrote (ContainsEager).
type joinNode struct {
	rel    *Relation
	j      *relationJoin
	parent int    // index of the owner's node; -1 for the query's model
	alias  string // the related table's alias in the statement
	sec    string // the association table's alias (many-to-many)
	opt    *LoadOption
	eager  bool   // ContainsEager: no JOIN rendered
	path   string // dot path from the model, for matching options
}

// collection reports whether the node can multiply its owner's rows.
func (n *joinNode) collection() bool { return n.rel.many }

// joinedRelations returns the relationships the query loads in its own
// statement, in render order (owners before their targets).
func (s *SelectQuery[T]) joinedRelations() []*joinNode {
	if s.table == nil || len(s.columns) > 0 {
		return nil
	}
	tb := &treeBuilder{root: s.table, opts: s.loads, aliases: map[string]int{}}
	for _, strategy := range []LoadStrategy{lazyContainsEager, LazyJoined} {
		for _, o := range s.loads {
			if o.strategy == strategy {
				tb.addPath(o)
			}
		}
	}
	tb.addDeclared(-1, s.table, []*Table{s.table})
	return tb.nodes
}

// treeBuilder builds the join tree of one query.
type treeBuilder struct {
	root    *Table
	opts    []*LoadOption
	nodes   []*joinNode
	aliases map[string]int // per table name: aliases handed out
}

// addPath joins each segment of a JoinedLoad or ContainsEager path, up
// to a segment that another option loads with a different strategy.
func (tb *treeBuilder) addPath(o *LoadOption) {
	parent, t := -1, tb.root
	for i, name := range o.path {
		r := t.Relation(name)
		if r == nil || r.Err() != nil {
			return // reported by loadLevel with the option's path
		}
		path := strings.Join(o.path[:i+1], ".")
		if i < len(o.path)-1 && tb.otherStrategy(path) {
			return
		}
		idx := tb.find(parent, r)
		if idx < 0 {
			idx = tb.add(parent, r, path, o.strategy == lazyContainsEager)
		}
		if i == len(o.path)-1 && tb.nodes[idx].opt == nil {
			tb.nodes[idx].opt = o
		}
		parent, t = idx, tb.nodes[idx].j.target
	}
}

// otherStrategy reports whether an option ending at path loads it
// outside the statement (selectin, subquery, raise).
func (tb *treeBuilder) otherStrategy(path string) bool {
	for _, o := range tb.opts {
		if strings.Join(o.path, ".") == path && o.strategy != LazyJoined && o.strategy != lazyContainsEager {
			return true
		}
	}
	return false
}

// find returns the node of r under parent, or -1.
func (tb *treeBuilder) find(parent int, r *Relation) int {
	for i, n := range tb.nodes {
		if n.parent == parent && n.rel == r {
			return i
		}
	}
	return -1
}

// add appends a node for r under parent.
func (tb *treeBuilder) add(parent int, r *Relation, path string, eager bool) int {
	j, _ := r.join()
	n := &joinNode{rel: r, j: j, parent: parent, eager: eager, path: path}
	if eager {
		n.alias = j.target.Name
	} else {
		n.alias = tb.alias(j.target.Name)
		if j.kind == ManyToMany {
			n.sec = tb.alias(j.sec.Name)
		}
	}
	tb.nodes = append(tb.nodes, n)
	return len(tb.nodes) - 1
}

// alias returns the next anonymous alias of a table: post_1, post_2.
func (tb *treeBuilder) alias(table string) string {
	tb.aliases[table]++
	return fmt.Sprintf("%s_%d", table, tb.aliases[table])
}

// addDeclared joins the relationships declared lazy:"joined" of t (the
// model, or the target of node parent) that no option loads otherwise,
// then descends into every node under parent. A declared relationship
// whose table is already on the path is not joined: SQLAlchemy stops
// joined eager loading at a mapper seen before.
func (tb *treeBuilder) addDeclared(parent int, t *Table, onPath []*Table) {
	prefix := ""
	if parent >= 0 {
		prefix = tb.nodes[parent].path + "."
	}
	for _, r := range t.relations {
		if r.Lazy != LazyJoined || r.Err() != nil || tb.find(parent, r) >= 0 {
			continue
		}
		target, _ := r.Target()
		if tb.otherStrategy(prefix+r.Name) || containsTable(onPath, target) {
			continue
		}
		tb.add(parent, r, prefix+r.Name, false)
	}
	for i := range tb.nodes {
		if n := tb.nodes[i]; n.parent == parent {
			tb.addDeclared(i, n.j.target, append(onPath[:len(onPath):len(onPath)], n.j.target))
		}
	}
}

// containsTable reports whether list holds t.
func containsTable(list []*Table, t *Table) bool {
	for _, x := range list {
		if x == t {
			return true
		}
	}
	return false
}

// hasCollection reports whether a node loads a collection, which
// repeats its owners' rows.
func hasCollection(nodes []*joinNode) bool {
	for _, n := range nodes {
		if n.collection() {
			return true
		}
	}
	return false
}
