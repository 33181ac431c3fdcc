package graph

// Ports of Alembic's tests/test_revision.py: the revision map's heads,
// bases, spec resolution and iterate_revisions ordering.

import (
	"errors"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// rv builds a node: down and deps are space-separated ids, labels too.
func rv(id, down string, deps, labels string) Node {
	return Node{ID: id, Down: strings.Fields(down), DependsOn: strings.Fields(deps), BranchLabels: strings.Fields(labels)}
}

func mustMap(t *testing.T, nodes ...Node) *Graph {
	t.Helper()
	g, err := New(nodes)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// specs turns "a b" into []string{"a", "b"}, "" into nil and "()" into an
// empty, non-nil list.
func specs(s string) []string {
	if s == "()" {
		return []string{}
	}
	return strings.Fields(s)
}

// iterCase is one _assert_iteration call.
type iterCase struct {
	name         string
	upper, lower string
	want         string // space-separated; "!" + regexp for an error
	exclusive    bool
	implicitBase bool
	downgrade    bool
}

func runIter(t *testing.T, g *Graph, tests []iterCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := g.IterateRevisions(specs(tt.upper), specs(tt.lower), IterOptions{
				Inclusive: !tt.exclusive, ImplicitBase: tt.implicitBase, SelectForDowngrade: tt.downgrade,
			})
			if strings.HasPrefix(tt.want, "!") {
				if err == nil || !regexp.MustCompile(tt.want[1:]).MatchString(err.Error()) {
					t.Fatalf("IterateRevisions(%q, %q) = %v, %v; want error %q", tt.upper, tt.lower, got, err, tt.want[1:])
				}
				return
			}
			if err != nil {
				t.Fatalf("IterateRevisions(%q, %q): %v", tt.upper, tt.lower, err)
			}
			if want := strings.Fields(tt.want); !slices.Equal(got, want) {
				t.Errorf("IterateRevisions(%q, %q) = %v, want %v", tt.upper, tt.lower, got, want)
			}
			checkPartialOrder(t, g, got)
		})
	}
}

// checkPartialOrder asserts each revision comes before what it revises.
func checkPartialOrder(t *testing.T, g *Graph, got []string) {
	t.Helper()
	for i, id := range got {
		for _, d := range g.rm.revs[id].normDown() {
			if j := slices.Index(got, d); j >= 0 && j < i {
				t.Errorf("%s comes after its down revision %s in %v", id, d, got)
			}
		}
	}
}

func abc(t *testing.T) *Graph {
	return mustMap(t, rv("a", "", "", ""), rv("b", "a", "", ""), rv("c", "b", "", ""))
}

func abc12(t *testing.T) *Graph {
	return mustMap(t, rv("a", "", "", ""), rv("b", "a", "", ""), rv("c1", "b", "", ""), rv("c2", "b", "", ""))
}

// TestAPITest ports APITest.
func TestAPITest(t *testing.T) {
	t.Run("test_add_revision_one_head", func(t *testing.T) {
		eqStrings(t, abc(t).Heads(), "c")
		g := mustMap(t, rv("a", "", "", ""), rv("b", "a", "", ""), rv("c", "b", "", ""), rv("d", "c", "", ""))
		eqStrings(t, g.Heads(), "d")
	})
	t.Run("test_add_revision_two_head", func(t *testing.T) {
		eqStrings(t, abc12(t).Heads(), "c1 c2")
		g := mustMap(t, rv("a", "", "", ""), rv("b", "a", "", ""), rv("c1", "b", "", ""), rv("c2", "b", "", ""), rv("d1", "c1", "", ""))
		eqStrings(t, g.Heads(), "c2 d1")
	})
	one := []struct {
		name, spec, want string
		g                func(*testing.T) *Graph
	}{
		{"test_get_revision_head_single", "head", "c", abc},
		{"test_get_revision_base_single", "base", "", abc},
		{"test_get_revision_head_multiple", "head", "!Multiple heads are present", abc12},
		{"test_get_revision_heads_multiple", "heads", "!Multiple heads are present", abc12},
		{"test_get_revision_base_multiple", "base", "", func(t *testing.T) *Graph {
			return mustMap(t, rv("a", "", "", ""), rv("b", "a", "", ""), rv("c", "", "", ""), rv("d", "c", "", ""))
		}},
	}
	for _, tt := range one {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.g(t).GetRevision(tt.spec)
			checkOne(t, tt.spec, got, err, tt.want)
		})
	}
	t.Run("test_get_revisions_head_multiple", func(t *testing.T) {
		_, err := abc12(t).GetRevisions("head")
		if err == nil || !strings.Contains(err.Error(), "Multiple heads are present") || !errors.Is(err, &Error{Kind: ErrMultipleHeads}) {
			t.Fatalf("GetRevisions(head) error = %v", err)
		}
	})
	t.Run("test_get_revisions_heads_multiple", func(t *testing.T) {
		got, err := abc12(t).GetRevisions("heads")
		if err != nil {
			t.Fatal(err)
		}
		eqStrings(t, got, "c1 c2")
	})
	t.Run("test_iterate_tolerates_dupe_targets", func(t *testing.T) {
		got, err := abc(t).IterateRevisions([]string{"c", "c"}, []string{"a"}, IterOptions{})
		if err != nil {
			t.Fatal(err)
		}
		eqStrings(t, got, "c b")
	})
}

func eqStrings(t *testing.T, got []string, want string) {
	t.Helper()
	if !slices.Equal(got, strings.Fields(want)) && !(len(got) == 0 && want == "") {
		t.Errorf("got %v, want %v", got, strings.Fields(want))
	}
}

func checkOne(t *testing.T, spec, got string, err error, want string) {
	t.Helper()
	if strings.HasPrefix(want, "!") {
		if err == nil || !regexp.MustCompile(want[1:]).MatchString(err.Error()) {
			t.Fatalf("GetRevision(%q) = %q, %v; want error %q", spec, got, err, want[1:])
		}
		return
	}
	if err != nil || got != want {
		t.Errorf("GetRevision(%q) = %q, %v; want %q", spec, got, err, want)
	}
}

// TestDiamondTest ports DiamondTest and EmptyMapTest.
func TestDiamondTest(t *testing.T) {
	g := mustMap(t, rv("a", "", "", ""), rv("b1", "a", "", ""), rv("b2", "a", "", ""), rv("c", "b1 b2", "", ""), rv("d", "c", "", ""))
	runIter(t, g, []iterCase{{name: "test_iterate_simple_diamond", upper: "d", lower: "a", want: "d c b1 b2 a"}})
	runIter(t, mustMap(t), []iterCase{{name: "EmptyMapTest.test_iterate", upper: "head", lower: "base", want: ""}})
}

func labeled(t *testing.T) *Graph {
	return mustMap(t,
		rv("a", "", "", "abranch"), rv("b", "a", "", ""), rv("somelongername", "b", "", ""), rv("c", "somelongername", "", ""),
		rv("d", "", "", ""), rv("e", "d", "", "ebranch"), rv("someothername", "e", "", ""), rv("f", "someothername", "", ""))
}

// TestLabeledBranchTest ports LabeledBranchTest.
func TestLabeledBranchTest(t *testing.T) {
	t.Run("test_dupe_branch_collection", func(t *testing.T) {
		_, err := New([]Node{rv("a", "", "", ""), rv("b", "a", "", ""), rv("c", "b", "", "xy1"), rv("d", "", "", ""), rv("e", "d", "", "xy1"), rv("f", "e", "", "")})
		if err == nil || !regexp.MustCompile(`Branch name 'xy1' in revision (?:e|c) already used by revision (?:e|c)`).MatchString(err.Error()) {
			t.Fatalf("New() error = %v", err)
		}
	})
	t.Run("test_filter_for_lineage_labeled_head_across_merge", func(t *testing.T) {
		g := mustMap(t, rv("a", "", "", ""), rv("b", "a", "", ""), rv("c1", "b", "", "c1branch"), rv("c2", "b", "", ""), rv("d", "c1 c2", "", ""))
		got, err := g.FilterForLineage([]string{"c1", "c2", "d"}, "c1branch@head")
		if err != nil {
			t.Fatal(err)
		}
		eqStrings(t, got, "c1 c2 d")
	})
	g := labeled(t)
	t.Run("test_filter_for_lineage_heads", func(t *testing.T) {
		got, err := g.FilterForLineage([]string{"f"}, "heads")
		if err != nil {
			t.Fatal(err)
		}
		eqStrings(t, got, "f")
	})
	for _, tt := range []struct{ name, spec, want string }{
		{"test_get_base_revisions_labeled", "somelongername@base", "a"},
		{"test_get_base_revisions", "base", "a d"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, err := g.BaseRevisions(tt.spec)
			if err != nil {
				t.Fatal(err)
			}
			eqStrings(t, got, tt.want)
		})
	}
	for _, tt := range []struct{ name, spec, want string }{
		{"test_get_current_named_rev", "ebranch@head", "f"},
		{"test_partial_id_resolve", "ebranch@some", "someothername"},
		{"test_partial_id_resolve/abranch", "abranch@some", "somelongername"},
		{"test_partial_id_resolve_too_short", "ebranch@sos", "!^No such revision or branch 'sos'; please ensure at least four characters are present for partial revision identifier matches$"},
		{"test_branch_at_heads", "abranch@heads", "c"},
		{"test_branch_at_syntax/abranch@head", "abranch@head", "c"},
		{"test_branch_at_syntax/abranch@base", "abranch@base", ""},
		{"test_branch_at_syntax/ebranch@head", "ebranch@head", "f"},
		{"test_branch_at_syntax/ebranch@d", "ebranch@d", "d"},
		{"test_branch_at_self", "ebranch@ebranch", "e"},
		{"test_retrieve_branch_revision/abranch", "abranch", "a"},
		{"test_retrieve_branch_revision/ebranch", "ebranch", "e"},
		{"test_rev_not_in_branch/ebranch@b", "ebranch@b", "!^Revision b is not a member of branch 'ebranch'$"},
		{"test_rev_not_in_branch/abranch@d", "abranch@d", "!^Revision d is not a member of branch 'abranch'$"},
		{"test_actually_short_rev_name", "e", "e"},
		{"test_no_revision_exists/long", "abranch@qprstuv", "!^No such revision or branch 'qprstuv'$"},
		{"test_no_revision_exists/short", "abranch@qpr", "!^No such revision or branch 'qpr'; please ensure at least four characters are present for partial revision identifier matches$"},
		{"test_not_actually_a_branch", "e@d", "d"},
		{"test_not_actually_a_branch_partial_resolution", "someoth@d", "d"},
		{"test_no_such_branch", "x@d", "!^No such branch: 'x'$"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, err := g.GetRevision(tt.spec)
			checkOne(t, tt.spec, got, err, tt.want)
		})
	}
	runIter(t, g, []iterCase{
		{name: "test_iterate_head_to_named_base/ebranch", upper: "heads", lower: "ebranch@base", want: "f someothername e d"},
		{name: "test_iterate_head_to_named_base/abranch", upper: "heads", lower: "abranch@base", want: "c somelongername b a"},
		{name: "test_iterate_named_head_to_base/ebranch", upper: "ebranch@head", lower: "base", want: "f someothername e d"},
		{name: "test_iterate_named_head_to_base/abranch", upper: "abranch@head", lower: "base", want: "c somelongername b a"},
		{name: "test_iterate_named_head_to_heads", upper: "heads", lower: "ebranch@head", want: "f"},
		{name: "test_iterate_named_rev_to_heads", upper: "heads", lower: "ebranch@d", want: "f someothername e d"},
		{name: "test_iterate_head_to_version_specific_base/e", upper: "heads", lower: "e@base", want: "f someothername e d"},
		{name: "test_iterate_head_to_version_specific_base/c", upper: "heads", lower: "c@base", want: "c somelongername b a"},
		{name: "test_iterate_to_branch_at_rev", upper: "heads", lower: "ebranch@d", want: "f someothername e d"},
		{name: "test_branch_w_down_relative", upper: "heads", lower: "ebranch@-2", want: "f someothername e"},
		{name: "test_branch_w_up_relative", upper: "ebranch@+2", lower: "base", want: "e d"},
	})
}

// TestLongShortBranchTest ports LongShortBranchTest.
func TestLongShortBranchTest(t *testing.T) {
	g := mustMap(t, rv("a", "", "", ""), rv("b1", "a", "", ""), rv("b2", "a", "", ""), rv("c1", "b1", "", ""), rv("d11", "c1", "", ""), rv("d12", "c1", "", ""))
	runIter(t, g, []iterCase{{name: "test_iterate_full", upper: "heads", lower: "base", want: "b2 d11 d12 c1 b1 a"}})
}

// TestMultipleBranchTest ports MultipleBranchTest.
func TestMultipleBranchTest(t *testing.T) {
	g := mustMap(t, rv("a", "", "", ""), rv("b1", "a", "", ""), rv("b2", "a", "", ""), rv("cb1", "b1", "", ""), rv("cb2", "b2", "", ""),
		rv("d1cb1", "cb1", "", ""), rv("d2cb1", "cb1", "", ""), rv("d1cb2", "cb2", "", ""), rv("d2cb2", "cb2", "", ""), rv("d3cb2", "cb2", "", ""),
		rv("d1d2cb2", "d1cb2 d2cb2", "", ""))
	runIter(t, g, []iterCase{
		{name: "test_iterate_from_merge_point", upper: "d1d2cb2", lower: "a", want: "d1d2cb2 d1cb2 d2cb2 cb2 b2 a"},
		{name: "test_iterate_multiple_heads", upper: "d2cb2 d3cb2", lower: "a", want: "d2cb2 d3cb2 cb2 b2 a"},
		{name: "test_iterate_single_branch", upper: "d3cb2", lower: "a", want: "d3cb2 cb2 b2 a"},
		{name: "test_iterate_single_branch_to_base", upper: "d3cb2", lower: "base", want: "d3cb2 cb2 b2 a"},
		{name: "test_iterate_multiple_branch_to_base", upper: "d3cb2 cb1", lower: "base", want: "cb1 b1 d3cb2 cb2 b2 a"},
		{name: "test_iterate_multiple_heads_single_base", upper: "d1cb1 d2cb2 d3cb2", lower: "b2", want: "d2cb2 d3cb2 cb2 b2"},
		{name: "test_same_branch_wrong_direction", upper: "b1", lower: "d1cb1", want: "!Revision d1cb1 is not an ancestor of revision b1"},
		{name: "test_distinct_branches", upper: "d2cb2", lower: "b1", want: "!Revision b1 is not an ancestor of revision d2cb2"},
		{name: "test_wrong_direction_to_base_as_none", upper: "", lower: "d1cb1", want: "!Revision d1cb1 is not an ancestor of revision base"},
		{name: "test_wrong_direction_to_base_as_empty", upper: "()", lower: "d1cb1", want: "!Revision d1cb1 is not an ancestor of revision base"},
	})
}

// TestMultipleBranchEffectiveHead ports MultipleBranchEffectiveHead.
func TestMultipleBranchEffectiveHead(t *testing.T) {
	g := mustMap(t, rv("y1", "", "", "y"), rv("x1", "", "", "x"), rv("y2", "y1", "x1", ""), rv("x2", "x1", "", ""))
	runIter(t, g, []iterCase{
		{name: "test_other_downgrade", upper: "x2 y2", lower: "x@-1", want: "x2", exclusive: true, downgrade: true},
		{name: "test_use_all_current", upper: "x1 y2", lower: "x@-1", want: "y2 x1", exclusive: true, downgrade: true},
		{name: "test_effective_head", upper: "y2", lower: "x@-1", want: "y2 x1", exclusive: true, downgrade: true},
	})
}

// TestBranchTravellingTest ports BranchTravellingTest.
func TestBranchTravellingTest(t *testing.T) {
	g := mustMap(t, rv("a1", "", "", ""), rv("a2", "a1", "", ""), rv("a3", "a2", "", ""), rv("b1", "a3", "", ""), rv("b2", "a3", "", ""),
		rv("cb1", "b1", "", ""), rv("cb2", "b2", "", ""), rv("db1", "cb1", "", ""), rv("db2", "cb2", "", ""),
		rv("e1b1", "db1", "", ""), rv("fe1b1", "e1b1", "", ""), rv("e2b1", "db1", "", ""), rv("e2b2", "db2", "", ""),
		rv("merge", "e2b1 e2b2", "", ""))
	runIter(t, g, []iterCase{
		{name: "test_iterate_one_branch_both_to_merge", upper: "merge", lower: "db1", want: "merge e2b1 db1 e2b2 db2 cb2 b2", implicitBase: true},
		{name: "test_three_branches_end_in_single_branch", upper: "merge fe1b1", lower: "a3", want: "fe1b1 e1b1 merge e2b1 db1 cb1 b1 e2b2 db2 cb2 b2 a3"},
		{name: "test_two_branches_to_root", upper: "merge", lower: "a1", want: "merge e2b1 db1 cb1 b1 e2b2 db2 cb2 b2 a3 a2 a1"},
		{name: "test_two_branches_end_in_branch", upper: "merge", lower: "b1", want: "merge e2b1 db1 cb1 b1"},
		{name: "test_two_branches_end_behind_branch", upper: "merge", lower: "a2", want: "merge e2b1 db1 cb1 b1 e2b2 db2 cb2 b2 a3 a2"},
		{name: "test_three_branches_to_root", upper: "merge fe1b1", lower: "a1", want: "fe1b1 e1b1 merge e2b1 db1 cb1 b1 e2b2 db2 cb2 b2 a3 a2 a1"},
		{name: "test_three_branches_end_multiple_bases", upper: "merge fe1b1", lower: "cb1 cb2", want: "fe1b1 e1b1 merge e2b1 db1 cb1 e2b2 db2 cb2"},
		{name: "test_three_branches_end_multiple_bases_exclusive", upper: "merge fe1b1", lower: "cb1 cb2", want: "fe1b1 e1b1 merge e2b1 db1 e2b2 db2", exclusive: true},
		{name: "test_detect_invalid_head_selection", upper: "db1 b2 fe1b1", lower: "()", want: "!Requested revision fe1b1 overlaps with other requested revisions"},
		{name: "test_three_branches_end_multiple_bases_exclusive_blank", upper: "e2b1 b2 fe1b1", lower: "()", want: "b2 fe1b1 e1b1 e2b1 db1 cb1 b1 a3 a2 a1", exclusive: true},
		{name: "test_iterate_to_symbolic_base", upper: "fe1b1", lower: "base", want: "fe1b1 e1b1 db1 cb1 b1 a3 a2 a1", exclusive: true},
	})
	t.Run("test_ancestor_nodes", func(t *testing.T) {
		got := sorted(g.Ancestors("merge"))
		eqStrings(t, got, "a1 a2 a3 b1 b2 cb1 cb2 db1 db2 e2b1 e2b2 merge")
	})
}

// TestMultipleBaseTest ports MultipleBaseTest.
func TestMultipleBaseTest(t *testing.T) {
	g := mustMap(t, rv("base1", "", "", ""), rv("base2", "", "", ""), rv("base3", "", "", ""),
		rv("a1a", "base1", "", ""), rv("a1b", "base1", "", ""), rv("a2", "base2", "", ""), rv("a3", "base3", "", ""),
		rv("b1a", "a1a", "", ""), rv("b1b", "a1b", "", ""), rv("b2", "a2", "", ""), rv("b3", "a3", "", ""),
		rv("c2", "b2", "", ""), rv("d2", "c2", "", ""), rv("mergeb3d2", "b3 d2", "", ""))
	all := "b1a a1a b1b a1b base1 mergeb3d2 b3 a3 base3 d2 c2 b2 a2 base2"
	runIter(t, g, []iterCase{
		{name: "test_heads_to_base", upper: "heads", lower: "base", want: all},
		{name: "test_heads_to_base_exclusive", upper: "heads", lower: "base", want: all, exclusive: true},
		{name: "test_heads_to_blank", upper: "heads", lower: "", want: all},
		{name: "test_detect_invalid_base_selection", upper: "c2", lower: "a2 b2", want: "!overlaps with other requested revisions"},
		{name: "test_heads_to_revs_plus_implicit_base_exclusive", upper: "heads", lower: "c2", want: "b1a a1a b1b a1b base1 mergeb3d2 b3 a3 base3 d2", exclusive: true, implicitBase: true},
		{name: "test_heads_to_revs_base_exclusive", upper: "heads", lower: "c2", want: "mergeb3d2 d2", exclusive: true},
		{name: "test_heads_to_revs_plus_implicit_base_inclusive", upper: "heads", lower: "c2", want: "b1a a1a b1b a1b base1 mergeb3d2 b3 a3 base3 d2 c2", implicitBase: true},
		{name: "test_specific_path_one", upper: "b3", lower: "base3", want: "b3 a3 base3"},
		{name: "test_specific_path_two_implicit_base", upper: "b3 b2", lower: "base3", want: "b2 a2 base2 b3 a3", exclusive: true, implicitBase: true},
	})
}

// TestMultipleBaseCrossDependencyTestOne ports MultipleBaseCrossDependencyTestOne.
func TestMultipleBaseCrossDependencyTestOne(t *testing.T) {
	g := mustMap(t, rv("base1", "", "", "b_1"), rv("a1a", "base1", "", ""), rv("a1b", "base1", "", ""), rv("b1a", "a1a", "", ""),
		rv("b1b", "a1b", "a3", ""), rv("base2", "", "", "b_2"), rv("a2", "base2", "", ""), rv("b2", "a2", "", ""),
		rv("c2", "b2", "a3", ""), rv("d2", "c2", "", ""), rv("base3", "", "", "b_3"), rv("a3", "base3", "", ""), rv("b3", "a3", "", ""))
	t.Run("test_what_are_the_heads", func(t *testing.T) { eqStrings(t, g.Heads(), "b1a b1b d2 b3") })
	all := "b1a a1a b1b a1b base1 d2 c2 b2 a2 base2 b3 a3 base3"
	runIter(t, g, []iterCase{
		{name: "test_heads_to_base", upper: "heads", lower: "base", want: all},
		{name: "test_heads_to_base_downgrade", upper: "heads", lower: "base", want: all, downgrade: true},
		{name: "test_same_branch_wrong_direction", upper: "b2", lower: "d2", want: "!Revision d2 is not an ancestor of revision b2"},
		{name: "test_different_branch_not_wrong_direction", upper: "b3", lower: "d2", want: "!Revision d2 is not an ancestor of revision b3"},
		{name: "test_we_need_head2_upgrade", upper: "b_2@head", lower: "base", want: "d2 c2 b2 a2 base2 a3 base3"},
		{name: "test_we_need_head2_downgrade", upper: "b_2@head", lower: "b_2@base", want: "d2 c2 b2 a2 base2", downgrade: true},
		{name: "test_we_need_head3_upgrade", upper: "b_3@head", lower: "base", want: "b3 a3 base3"},
		{name: "test_we_need_head3_downgrade", upper: "b_3@head", lower: "base", want: "b3 a3 base3", downgrade: true},
		{name: "test_we_need_head1_upgrade", upper: "b1b@head", lower: "base", want: "b1b a1b base1 a3 base3"},
		{name: "test_we_need_head1_downgrade", upper: "b1b@head", lower: "b1b@base", want: "b1b a1b base1", downgrade: true},
		{name: "test_we_need_base2_upgrade", upper: "heads", lower: "b_2@base", want: "d2 c2 b2 a2 base2 a3 base3"},
		{name: "test_we_need_base2_downgrade", upper: "heads", lower: "b_2@base", want: "d2 c2 b2 a2 base2", downgrade: true},
		{name: "test_we_need_base3_upgrade", upper: "heads", lower: "b_3@base", want: "b3 a3 base3"},
		{name: "test_we_need_base3_downgrade", upper: "heads", lower: "b_3@base", want: "b1b d2 c2 b3 a3 base3", downgrade: true},
	})
}

// TestMultipleBaseCrossDependencyTestTwo ports MultipleBaseCrossDependencyTestTwo.
func TestMultipleBaseCrossDependencyTestTwo(t *testing.T) {
	g := mustMap(t, rv("base1", "", "", "b_1"), rv("a1", "base1", "", ""), rv("b1", "a1", "", ""), rv("c1", "b1", "", ""),
		rv("base2", "", "b_1", "b_2"), rv("a2", "base2", "", ""), rv("b2", "a2", "", ""), rv("c2", "b2", "", ""), rv("d2", "c2", "", ""),
		rv("base3", "", "", "b_3"), rv("a3", "base3", "", ""), rv("b3", "a3", "", ""), rv("c3", "b3", "b2", ""), rv("d3", "c3", "", ""))
	t.Run("test_what_are_the_heads", func(t *testing.T) { eqStrings(t, g.Heads(), "c1 d2 d3") })
	runIter(t, g, []iterCase{
		{name: "test_heads_to_base", upper: "heads", lower: "base", want: "c1 b1 a1 d2 c2 d3 c3 b3 a3 base3 b2 a2 base2 base1"},
		{name: "test_we_need_head2", upper: "b_2@head", lower: "base", want: "d2 c2 b2 a2 base2 base1"},
		{name: "test_we_need_head3", upper: "b_3@head", lower: "base", want: "d3 c3 b3 a3 base3 b2 a2 base2 base1"},
		{name: "test_we_need_head1", upper: "b_1@head", lower: "base", want: "c1 b1 a1 base1"},
		{name: "test_we_need_base1", upper: "heads", lower: "b_1@base", want: "c1 b1 a1 base1"},
		{name: "test_we_need_base2", upper: "heads", lower: "b_2@base", want: "d2 c2 b2 a2 base2 base1"},
		{name: "test_we_need_base3", upper: "heads", lower: "b_3@base", want: "d3 c3 b3 a3 base3 b2 a2 base2 base1"},
	})
}

// TestMultipleBaseCrossDependencyTestThree ports MultipleBaseCrossDependencyTestThree.
func TestMultipleBaseCrossDependencyTestThree(t *testing.T) {
	g := mustMap(t, rv("base1", "", "", ""), rv("a1", "base1", "", ""), rv("b1", "a1", "", ""), rv("c2", "", "a1", ""), rv("c3", "c2", "", ""))
	runIter(t, g, []iterCase{{name: "test_traverse_no_parent_but_a_dep", upper: "heads", lower: "base", want: "b1 c3 c2 a1 base1"}})
}

// TestGraphWithLoopTest ports GraphWithLoopTest and GraphWithCycleTest.
func TestGraphWithLoopTest(t *testing.T) {
	cyc := func(kind string, ids ...string) string {
		return `^` + kind + ` is detected in revisions \(((` + strings.Join(ids, "|") + `)(, )?)+\)$`
	}
	tests := []struct {
		name  string
		nodes []Node
		want  string
	}{
		{"test_revision_map_solitary_loop", []Node{rv("a", "a", "", "")}, `^Self-loop is detected in revisions \(a\)$`},
		{"test_revision_map_base_loop", []Node{rv("a", "a", "", ""), rv("b", "a", "", ""), rv("c", "b", "", "")}, `^Self-loop is detected in revisions \(a\)$`},
		{"test_revision_map_head_loop", []Node{rv("a", "", "", ""), rv("b", "a", "", ""), rv("c", "b c", "", "")}, `^Self-loop is detected in revisions \(c\)$`},
		{"test_revision_map_branch_point_loop", []Node{rv("a", "", "", ""), rv("b", "a b", "", ""), rv("c1", "b", "", ""), rv("c2", "b", "", "")}, `^Self-loop is detected in revisions \(b\)$`},
		{"test_revision_map_merge_point_loop", []Node{rv("a", "", "", ""), rv("b1", "a", "", ""), rv("b2", "a", "", ""), rv("c", "b1 b2 c", "", "")}, `^Self-loop is detected in revisions \(c\)$`},
		{"test_revision_map_solitary_dependency_loop", []Node{rv("a", "", "a", "")}, `^Dependency self-loop is detected in revisions \(a\)$`},
		{"test_revision_map_base_dependency_loop", []Node{rv("a", "", "a", ""), rv("b", "a", "", ""), rv("c", "b", "", "")}, `^Dependency self-loop is detected in revisions \(a\)$`},
		{"test_revision_map_head_dep_loop", []Node{rv("a", "", "", ""), rv("b", "a", "", ""), rv("c", "b", "c", "")}, `^Dependency self-loop is detected in revisions \(c\)$`},
		{"test_revision_map_branch_point_dep_loop", []Node{rv("a", "", "", ""), rv("b", "a", "b", ""), rv("c1", "b", "", ""), rv("c2", "b", "", "")}, `^Dependency self-loop is detected in revisions \(b\)$`},
		{"test_revision_map_merge_point_dep_loop", []Node{rv("a", "", "", ""), rv("b1", "a", "", ""), rv("b2", "a", "", ""), rv("c", "b1 b2", "c", "")}, `^Dependency self-loop is detected in revisions \(c\)$`},
		{"test_revision_map_simple_cycle", []Node{rv("a", "c", "", ""), rv("b", "a", "", ""), rv("c", "b", "", "")}, cyc("Cycle", "a", "b", "c")},
		{"test_revision_map_extra_simple_cycle", []Node{rv("a", "c", "", ""), rv("b", "a", "", ""), rv("c", "b", "", ""), rv("d", "", "", ""), rv("e", "d", "", "")}, cyc("Cycle", "a", "b", "c")},
		{"test_revision_map_lower_simple_cycle", []Node{rv("a", "c", "", ""), rv("b", "a", "", ""), rv("c", "b", "", ""), rv("d", "c", "", ""), rv("e", "d", "", "")}, cyc("Cycle", "a", "b", "c", "d", "e")},
		{"test_revision_map_upper_simple_cycle", []Node{rv("a", "", "", ""), rv("b", "a", "", ""), rv("c", "b e", "", ""), rv("d", "c", "", ""), rv("e", "d", "", "")}, cyc("Cycle", "a", "b", "c", "d", "e")},
		{"test_revision_map_simple_dep_cycle", []Node{rv("a", "", "c", ""), rv("b", "a", "", ""), rv("c", "b", "", "")}, cyc("Dependency cycle", "a", "b", "c")},
		{"test_revision_map_extra_simple_dep_cycle", []Node{rv("a", "", "c", ""), rv("b", "a", "", ""), rv("c", "b", "", ""), rv("d", "", "", ""), rv("e", "d", "", "")}, cyc("Dependency cycle", "a", "b", "c")},
		{"test_revision_map_lower_simple_dep_cycle", []Node{rv("a", "", "c", ""), rv("b", "a", "", ""), rv("c", "b", "", ""), rv("d", "c", "", ""), rv("e", "d", "", "")}, cyc("Dependency cycle", "a", "b", "c", "d", "e")},
		{"test_revision_map_upper_simple_dep_cycle", []Node{rv("a", "", "", ""), rv("b", "a", "", ""), rv("c", "b", "e", ""), rv("d", "c", "", ""), rv("e", "d", "", "")}, cyc("Dependency cycle", "a", "b", "c", "d", "e")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := New(tt.nodes)
			if err == nil || !regexp.MustCompile(tt.want).MatchString(err.Error()) || !errors.Is(err, &Error{Kind: ErrCycle}) {
				t.Fatalf("New() error = %v, want %q", err, tt.want)
			}
		})
	}
	t.Run("test_revision_dupe_head", func(t *testing.T) {
		g := mustMap(t, rv("user_foo", "", "", ""), rv("user", "user_foo", "user_foo", ""))
		runIter(t, g, []iterCase{{name: "iterate", upper: "heads", lower: "", want: "user user_foo"}})
	})
	t.Run("test_revision_map_no_loop_w_overlapping_substrings", func(t *testing.T) {
		g := mustMap(t, rv("user_foo", "", "", ""), rv("user", "user_foo", "", ""))
		runIter(t, g, []iterCase{{name: "iterate", upper: "heads", lower: "", want: "user user_foo"}})
	})
	t.Run("test_revision_map_no_loop_w_overlapping_substrings_dependencies", func(t *testing.T) {
		g := mustMap(t, rv("user_foo", "", "", ""), rv("user", "", "user_foo", ""))
		runIter(t, g, []iterCase{{name: "iterate", upper: "heads", lower: "", want: "user user_foo"}})
	})
}

// TestNormalizedDownRevTest ports NormalizedDownRevTest.
func TestNormalizedDownRevTest(t *testing.T) {
	g := mustMap(t, rv("a1", "", "", ""), rv("a2", "a1", "", ""), rv("a3", "a2", "", ""), rv("b1", "", "", ""),
		rv("b2", "b1", "a3", ""), rv("b3", "b2", "", ""), rv("b4", "b3", "a3", ""), rv("b5", "b4", "b4", ""))
	t.Run("test_normalized_down_revisions", func(t *testing.T) {
		eqStrings(t, g.rm.revs["b4"].allDown(), "b3 a3")
		eqStrings(t, g.rm.revs["b4"].normDown(), "b3")
	})
	t.Run("test_dupe_dependency", func(t *testing.T) {
		eqStrings(t, g.rm.revs["b5"].allDown(), "b4")
		eqStrings(t, g.rm.revs["b5"].normDown(), "b4")
	})
	runIter(t, g, []iterCase{
		{name: "test_branch_traversal", upper: "b4", lower: "b1@base", want: "b4 b3 b2 b1", downgrade: true},
		{name: "test_all_traversal", upper: "heads", lower: "base", want: "b5 b4 b3 b2 b1 a3 a2 a1", downgrade: true},
		{name: "test_partial_traversal", upper: "heads", lower: "a2", want: "b5 b4 b3 b2 a3 a2", downgrade: true},
		{name: "test_partial_traversal_implicit_base_one", upper: "heads", lower: "a2", want: "b5 b4 b3 b2 b1 a3 a2", downgrade: true, implicitBase: true},
		{name: "test_partial_traversal_implicit_base_two", upper: "b5", lower: "b1", want: "b5 b4 b3 b2 b1 a3 a2 a1", implicitBase: true},
	})
	g3 := mustMap(t, rv("c1", "", "", ""), rv("a1", "", "", ""), rv("a2", "a1", "c1", ""), rv("a3", "a2", "c1", ""), rv("b1", "", "", ""),
		rv("b2", "b1", "a3", ""), rv("b3", "b2", "", ""), rv("b4", "b3", "a3", ""), rv("b5", "b4", "", ""))
	runIter(t, g3, []iterCase{
		{name: "test_partial_traversal_implicit_base_three", upper: "b5", lower: "b1", want: "b5 b4 b3 b2 b1 a3 a2 a1 c1", implicitBase: true},
	})
}

// TestLargeMapTest ports LargeMapTest on a generated map of 150 revisions
// with branches, merges and several bases (Alembic's fixture is a recorded
// one): every revision is iterated once, no revision is both an ancestor
// and a descendant of another, and none comes after one of its ancestors.
func TestLargeMapTest(t *testing.T) {
	var nodes []Node
	seed := uint32(7)
	next := func(n int) int { seed = seed*1664525 + 1013904223; return int(seed>>8) % n }
	for i := 0; i < 150; i++ {
		id := "r" + strings.Repeat("0", 3-len(itoa(i))) + itoa(i)
		n := Node{ID: id}
		if i > 0 && next(10) > 0 {
			n.Down = []string{nodes[next(i)].ID}
			if i > 1 && next(4) == 0 {
				if d := nodes[next(i)].ID; d != n.Down[0] {
					n.Down = append(n.Down, d)
				}
			}
		}
		nodes = append(nodes, n)
	}
	g := mustMap(t, nodes...)
	revs, err := g.IterateRevisions([]string{"heads"}, []string{"base"}, IterOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(revs) != len(nodes) {
		t.Fatalf("iterated %d revisions of %d", len(revs), len(nodes))
	}
	for i, id := range revs {
		anc := g.Ancestors(id)
		desc := g.Descendants(id)
		delete(anc, id)
		delete(desc, id)
		for a := range anc {
			if desc[a] {
				t.Fatalf("%s is both an ancestor and a descendant of %s", a, id)
			}
		}
		for _, r := range revs[:i] {
			if anc[r] {
				t.Fatalf("ancestor %s of %s comes before it", r, id)
			}
		}
	}
}

func itoa(i int) string { return strconv.Itoa(i) }

// TestWalkRevisions pins history's walks (iterate_revisions with
// inclusive=True, assert_relative_length=False) where a differential run
// against Alembic found the edges: a relative lower bound walking exactly
// to base is not an ancestor, one walking past it means base.
func TestWalkRevisions(t *testing.T) {
	g := abc(t)
	tests := []struct{ base, head, want string }{
		{"-5", "c", "c b a"},
		{"-3", "heads", "!^Requested range -3:heads does not refer to ancestor/descendant revisions along the same branch$"},
		{"-2", "heads", "c b a"},
		{"a", "+2", "c b a"},
		{"b", "a", "!^Requested range b:a does not refer to ancestor/descendant revisions along the same branch$"},
		{"", "", "c b a"},
		{"zzzz", "", "!^Can't locate revision identified by 'zzzz'$"},
	}
	for _, tt := range tests {
		t.Run(tt.base+":"+tt.head, func(t *testing.T) {
			got, err := g.WalkRevisions(specs(tt.base), specs(tt.head))
			if strings.HasPrefix(tt.want, "!") {
				if err == nil || !regexp.MustCompile(tt.want[1:]).MatchString(err.Error()) {
					t.Fatalf("WalkRevisions = %v, %v; want error %q", got, err, tt.want[1:])
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			eqStrings(t, got, tt.want)
		})
	}
	t.Run("get -1 from two heads", func(t *testing.T) {
		got, err := abc12(t).GetRevisions("-1")
		if err != nil {
			t.Fatal(err)
		}
		eqStrings(t, got, "b b")
	})
	t.Run("overlap names each revision once", func(t *testing.T) {
		_, err := abc(t).IterateRevisions([]string{"c", "b", "b"}, nil, IterOptions{})
		if err == nil || err.Error() != "Requested revision c overlaps with other requested revisions b" {
			t.Fatalf("error = %v", err)
		}
	})
}
