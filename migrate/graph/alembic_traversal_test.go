package graph

// Ports of Alembic's tests/test_version_traversal.py: the revisions an
// upgrade or downgrade runs, in order, and the version table's heads after
// each step (HeadMaintainer).

import (
	"regexp"
	"slices"
	"strings"
	"testing"
)

// pathCase is one _assert_upgrade or _assert_downgrade call: dest from
// source (space-separated heads) runs want ("" none) and leaves heads.
type pathCase struct {
	name       string
	down       bool
	dest       string
	source     string
	want       string // space-separated revisions, or "!" + regexp
	wantHeads  string
	noHeadTest bool
}

func runPaths(t *testing.T, g *Graph, tests []pathCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			source := strings.Fields(tt.source)
			var got []string
			var err error
			if tt.down {
				got, err = g.DowngradeRevs(tt.dest, source)
			} else {
				got, err = g.UpgradeRevs(tt.dest, source)
			}
			if strings.HasPrefix(tt.want, "!") {
				if err == nil || !regexp.MustCompile(tt.want[1:]).MatchString(err.Error()) {
					t.Fatalf("revs(%q from %v) = %v, %v; want error %q", tt.dest, source, got, err, tt.want[1:])
				}
				return
			}
			if err != nil {
				t.Fatalf("revs(%q from %v): %v", tt.dest, source, err)
			}
			if want := strings.Fields(tt.want); !slices.Equal(got, want) && !(len(got) == 0 && len(want) == 0) {
				t.Errorf("revs(%q from %v) = %v, want %v", tt.dest, source, got, want)
			}
			if tt.noHeadTest {
				return
			}
			heads := source
			for _, id := range got {
				if heads, _, err = g.StepHeads(heads, id, !tt.down); err != nil {
					t.Fatalf("StepHeads(%s): %v", id, err)
				}
			}
			slices.Sort(heads)
			want := strings.Fields(tt.wantHeads)
			slices.Sort(want)
			if !slices.Equal(heads, want) && !(len(heads) == 0 && len(want) == 0) {
				t.Errorf("heads after %v = %v, want %v", got, heads, want)
			}
		})
	}
}

// TestRevisionPathTest ports RevisionPathTest.
func TestRevisionPathTest(t *testing.T) {
	const a, b, c, d, e = "e6239818bb3a", "548bbb905360", "b7ea43dc85e4", "1bbe33445780", "3975fb1a0125"
	g := mustMap(t, rv(a, "", "", ""), rv(b, a, "", ""), rv(c, b, "", ""), rv(d, c, "", ""), rv(e, d, "", ""))
	j := func(ids ...string) string { return strings.Join(ids, " ") }
	runPaths(t, g, []pathCase{
		{name: "test_downgrade_base_no_version", down: true, dest: "base", source: "", want: "", wantHeads: ""},
		{name: "test_downgrade_to_existing", down: true, dest: a, source: a, want: "", wantHeads: a},
		{name: "test_downgrade_to_existing_head", down: true, dest: e, source: e, want: "", wantHeads: e},
		{name: "test_upgrade_path/c_to_e", dest: e, source: c, want: j(d, e), wantHeads: e},
		{name: "test_upgrade_path/base_to_c", dest: c, source: "", want: j(a, b, c), wantHeads: c},
		{name: "test_relative_upgrade_path/+2", dest: "+2", source: a, want: j(b, c), wantHeads: c},
		{name: "test_relative_upgrade_path/+1", dest: "+1", source: a, want: b, wantHeads: b},
		{name: "test_relative_upgrade_path/+3", dest: "+3", source: b, want: j(c, d, e), wantHeads: e},
		{name: "test_relative_upgrade_path/b+2", dest: b + "+2", source: a, want: j(b, c, d), wantHeads: d},
		{name: "test_relative_upgrade_path/d-2", dest: d + "-2", source: a, want: b, wantHeads: b},
		{name: "test_invalid_relative_upgrade_path/-2", dest: "-2", source: b, want: "!^Relative revision -2 didn't produce 2 migrations$"},
		{name: "test_invalid_relative_upgrade_path/+5", dest: "+5", source: b, want: `!^Relative revision \+5 didn't produce 5 migrations$`},
		{name: "test_downgrade_path/e_to_c", down: true, dest: c, source: e, want: j(e, d), wantHeads: c},
		{name: "test_downgrade_path/c_to_base", down: true, dest: "", source: c, want: j(c, b, a), wantHeads: ""},
		{name: "test_relative_downgrade_path/-1", down: true, dest: "-1", source: c, want: c, wantHeads: b},
		{name: "test_relative_downgrade_path/-3", down: true, dest: "-3", source: e, want: j(e, d, c), wantHeads: b},
		{name: "test_relative_downgrade_path/a+2", down: true, dest: a + "+2", source: d, want: d, wantHeads: c},
		{name: "test_relative_downgrade_path/c-2", down: true, dest: c + "-2", source: d, want: j(d, c, b), wantHeads: a},
		{name: "test_invalid_relative_downgrade_path/-5", down: true, dest: "-5", source: b, want: "!^Relative revision -5 didn't produce 5 migrations$"},
		{name: "test_invalid_relative_downgrade_path/+2", down: true, dest: "+2", source: b, want: `!^Relative revision \+2 didn't produce 2 migrations$`},
		{name: "test_invalid_move_rev_to_none", down: true, dest: b[:3], source: "", want: `!^Destination 548 is not a valid downgrade target from current head\(s\)$`},
		{name: "test_invalid_move_higher_to_lower", down: true, dest: c[:4], source: b, want: `!^Destination b7ea is not a valid downgrade target from current head\(s\)$`},
	})
}

func branchedPath(t *testing.T) *Graph {
	return mustMap(t, rv("a", "", "", ""), rv("b", "a", "", ""), rv("c1", "b", "", "c1branch"), rv("d1", "c1", "", ""),
		rv("c2", "b", "", "c2branch"), rv("d2", "c2", "", ""))
}

// TestBranchedPathTest ports BranchedPathTest.
func TestBranchedPathTest(t *testing.T) {
	runPaths(t, branchedPath(t), []pathCase{
		{name: "test_upgrade_single_branch", dest: "d1", source: "b", want: "c1 d1", wantHeads: "d1"},
		{name: "test_relative_upgrade", dest: "c2branch@head-1", source: "b", want: "c2", wantHeads: "c2"},
		{name: "test_relative_downgrade_baseplus2", down: true, dest: "base+2", source: "d2 d1", want: "d1 c1 d2 c2", wantHeads: "b"},
		{name: "test_relative_downgrade_branchplus2", down: true, dest: "c2branch@base+2", source: "d2 d1", want: "d2 c2", wantHeads: "d1"},
		{name: "test_relative_downgrade_branchplus3/c2", down: true, dest: "c2", source: "d2 d1", want: "d2", wantHeads: "d1 c2"},
		{name: "test_relative_downgrade_branchplus3/label", down: true, dest: "c2branch@base+3", source: "d2 d1", want: "d2", wantHeads: "d1 c2"},
		{name: "test_downgrade_once_order_right", down: true, dest: "-1", source: "d2 d1", want: "d2", wantHeads: "d1 c2"},
		{name: "test_downgrade_once_order_right_unbalanced", down: true, dest: "-1", source: "c2 d1", want: "c2", wantHeads: "d1"},
		{name: "test_downgrade_once_order_left", down: true, dest: "-1", source: "d1 d2", want: "d1", wantHeads: "d2 c1"},
		{name: "test_downgrade_once_order_left_unbalanced", down: true, dest: "-1", source: "c1 d2", want: "c1", wantHeads: "d2"},
		{name: "test_downgrade_once_order_left_unbalanced_labelled", down: true, dest: "c1branch@-1", source: "d1 d2", want: "d1", wantHeads: "c1 d2"},
		{name: "test_downgrade_relative_order_right", down: true, dest: "d2-1", source: "d2 c1", want: "d2", wantHeads: "c1 c2"},
		{name: "test_downgrade_relative_order_left", down: true, dest: "d2-1", source: "c1 d2", want: "d2", wantHeads: "c1 c2"},
		{name: "test_downgrade_single_branch_c1branch", down: true, dest: "c1branch@b", source: "c1 d2", want: "c1", wantHeads: "d2"},
		{name: "test_downgrade_single_branch_c1branch_from_d1_head", down: true, dest: "c2branch@b", source: "c1 d2", want: "d2 c2", wantHeads: "c1"},
		{name: "test_downgrade_single_branch_c2", down: true, dest: "c2@b", source: "d1 d2", want: "d2 c2", wantHeads: "d1"},
		{name: "test_downgrade_single_branch_d1", down: true, dest: "d1@b", source: "d1 d2", want: "d1 c1", wantHeads: "d2"},
		{name: "test_downgrade_relative_to_branch_head", down: true, dest: "c1branch@head-1", source: "d1 d2", want: "d1", wantHeads: "c1 d2"},
		{name: "test_upgrade_other_branch_from_mergepoint", dest: "c2branch@+1", source: "c1", want: "c2", wantHeads: "c1 c2"},
		{name: "test_upgrade_one_branch_of_heads", dest: "c2branch@+1", source: "c1 c2", want: "d2", wantHeads: "c1 d2"},
		{name: "test_ambiguous_upgrade", dest: "+1", source: "c1 c2", want: "!^Ambiguous upgrade from multiple current revisions$"},
		{name: "test_upgrade_from_base", dest: "base+1", source: "", want: "a", wantHeads: "a"},
		{name: "test_upgrade_from_base_implicit", dest: "+1", source: "", want: "a", wantHeads: "a"},
		{name: "test_downgrade_minus1_to_base", down: true, dest: "-1", source: "a", want: "a", wantHeads: ""},
		{name: "test_downgrade_minus1_from_base", down: true, dest: "-1", source: "", want: "!^Relative revision -1 didn't produce 1 migrations$"},
		{name: "test_downgrade_no_effect_branched/c2", down: true, dest: "c2", source: "d1 c2", want: "", wantHeads: "d1 c2"},
		{name: "test_downgrade_no_effect_branched/d1", down: true, dest: "d1", source: "d1 c2", want: "", wantHeads: "d1 c2"},
	})
}

// TestBranchedPathTestMultiple ports BranchedPathTest's moves between one
// head and two.
func TestBranchedPathTestMultiple(t *testing.T) {
	g := branchedPath(t)
	t.Run("test_upgrade_multiple_branch", func(t *testing.T) {
		got, err := g.IterateRevisions([]string{"d1", "d2"}, []string{"a"}, IterOptions{ImplicitBase: true})
		if err != nil {
			t.Fatal(err)
		}
		slices.Reverse(got)
		eqStrings(t, got, "b c2 d2 c1 d1")
	})
	runPaths(t, g, []pathCase{
		{name: "test_downgrade_multiple_branch", down: true, dest: "a", source: "d1 d2", want: "d1 c1 d2 c2 b", wantHeads: "a"},
	})
}

// headSteps applies steps ("+id" up, "-id" down) from heads, checking the
// heads after each.
func headSteps(t *testing.T, g *Graph, heads string, steps [][2]string) {
	t.Helper()
	cur := strings.Fields(heads)
	for _, s := range steps {
		var err error
		cur, _, err = g.StepHeads(cur, s[0][1:], s[0][0] == '+')
		if err != nil {
			t.Fatalf("StepHeads(%s): %v", s[0], err)
		}
		got := slices.Clone(cur)
		slices.Sort(got)
		want := strings.Fields(s[1])
		slices.Sort(want)
		if !slices.Equal(got, want) && !(len(got) == 0 && len(want) == 0) {
			t.Fatalf("after %s heads = %v, want %v", s[0], got, want)
		}
	}
}

// TestBranchFromMergepointTest ports BranchFromMergepointTest and
// BranchFrom3WayMergepointTest.
func TestBranchFromMergepointTest(t *testing.T) {
	g := mustMap(t, rv("a1", "", "", ""), rv("b1", "a1", "", ""), rv("c1", "b1", "", ""),
		rv("a2", "", "", ""), rv("b2", "a2", "", ""), rv("c2", "b2", "", ""),
		rv("d1", "c1 c2", "", ""), rv("d2", "c2", "", ""))
	runPaths(t, g, []pathCase{
		{name: "test_mergepoint_to_only_one_side_upgrade", dest: "d1", source: "d2 b1", want: "c1 d1", wantHeads: "d2 d1"},
		{name: "test_mergepoint_to_only_one_side_downgrade", down: true, dest: "b1", source: "d2 d1", want: "d1 c1", wantHeads: "d2 b1"},
	})
	g3 := mustMap(t, rv("a1", "", "", ""), rv("b1", "a1", "", ""), rv("c1", "b1", "", ""),
		rv("a2", "", "", ""), rv("b2", "a2", "", ""), rv("c2", "b2", "", ""),
		rv("a3", "", "", ""), rv("b3", "a3", "", ""), rv("c3", "b3", "", ""),
		rv("d1", "c1 c2 c3", "", ""), rv("d2", "c2", "", ""), rv("d3", "c3", "", ""))
	runPaths(t, g3, []pathCase{
		{name: "3way/test_mergepoint_to_only_one_side_upgrade", dest: "d1", source: "d3 d2 b1", want: "c1 d1", wantHeads: "d3 d2 d1"},
		{name: "3way/test_mergepoint_to_only_one_side_downgrade", down: true, dest: "b1", source: "d3 d2 d1", want: "d1 c1", wantHeads: "d3 d2 b1"},
		{name: "3way/test_mergepoint_to_two_sides_upgrade", dest: "d1", source: "d3 b2 b1", want: "c2 c1 d1", wantHeads: "d3 d1"},
		{name: "3way/test_mergepoint_to_two_sides_upgrade/d2", dest: "d2", source: "d3 d1", want: "d2", wantHeads: "d3 d2 d1"},
	})
}

// TestTwinMergeTest ports TwinMergeTest and NotQuiteTwinMergeTest.
func TestTwinMergeTest(t *testing.T) {
	g := mustMap(t, rv("a", "", "", ""), rv("b1", "a", "", ""), rv("b2", "a", "", ""), rv("b3", "a", "", ""),
		rv("c1", "b1 b2 b3", "", ""), rv("c2", "b1 b2 b3", "", ""), rv("d1", "c1", "", ""), rv("d2", "c2", "", ""))
	t.Run("test_upgrade", func(t *testing.T) {
		headSteps(t, g, "a", [][2]string{
			{"+b3", "b3"}, {"+b1", "b1 b3"}, {"+b2", "b1 b2 b3"}, {"+c2", "c2"}, {"+d2", "d2"}, {"+c1", "c1 d2"}, {"+d1", "d1 d2"},
		})
	})
	g2 := mustMap(t, rv("a", "", "", ""), rv("b1", "a", "", ""), rv("b2", "a", "", ""), rv("b3", "a", "", ""),
		rv("c1", "b1 b2", "", ""), rv("c2", "b2 b3", "", ""), rv("d1", "c1", "", ""), rv("d2", "c2", "", ""))
	t.Run("NotQuiteTwinMergeTest/test_upgrade", func(t *testing.T) {
		headSteps(t, g2, "a", [][2]string{
			{"+b2", "b2"}, {"+b3", "b2 b3"}, {"+c2", "c2"}, {"+d2", "d2"}, {"+b1", "b1 d2"}, {"+c1", "c1 d2"}, {"+d1", "d1 d2"},
		})
	})
}

// TestDependsOnBranchTestOne ports DependsOnBranchTestOne (the stamp case
// is in the migrate package's stamp tests).
func TestDependsOnBranchTestOne(t *testing.T) {
	g := mustMap(t, rv("a1", "", "", "lib1"), rv("b1", "a1", "", ""), rv("c1", "b1", "", ""),
		rv("a2", "", "", ""), rv("b2", "a2", "", ""), rv("c2", "b2", "c1", ""),
		rv("d1", "c1", "", ""), rv("e1", "d1", "", ""), rv("f1", "e1", "", ""))
	t.Run("test_downgrade_to_dependency", func(t *testing.T) {
		headSteps(t, g, "c2 d1", [][2]string{{"-d1", "c2"}})
	})
}

// TestDependsOnBranchTestTwo ports DependsOnBranchTestTwo.
func TestDependsOnBranchTestTwo(t *testing.T) {
	g := mustMap(t, rv("a1", "", "", ""), rv("a2", "", "", ""), rv("a3", "", "", ""), rv("amerge", "a1 a2 a3", "", ""),
		rv("b1", "", "", ""), rv("b2", "", "", ""), rv("bmerge", "b1 b2", "", ""),
		rv("c1", "", "", ""), rv("c2", "", "", ""), rv("c3", "", "", ""), rv("cmerge", "c1 c2 c3", "", ""),
		rv("d1", "", "a3 b2 c1", ""))
	runPaths(t, g, []pathCase{
		{name: "test_kaboom/bmerge", down: true, dest: "b2", source: "amerge bmerge cmerge d1", want: "bmerge", wantHeads: "amerge b1 cmerge d1"},
		{name: "test_kaboom/d1", down: true, dest: "d1@base", source: "amerge d1 b1 cmerge", want: "d1", wantHeads: "amerge b1 b2 cmerge"},
		{name: "test_kaboom/base", down: true, dest: "base", source: "amerge b1 b2 cmerge", want: "amerge a1 b1 b2 cmerge c1 a2 a3 c2 c3", wantHeads: ""},
	})
}

// TestDependsOnBranchTestThree ports DependsOnBranchTestThree,
// DependsOnOwnDownrevTest, DependsOnBranchTestFour and
// DependsOnBranchTestFive.
func TestDependsOnBranchTestThree(t *testing.T) {
	g := mustMap(t, rv("a1", "", "", ""), rv("a2", "a1", "", ""), rv("b1", "", "", ""), rv("b2", "b1", "a2", ""),
		rv("b3", "b2", "", ""), rv("a3", "a2", "b1", ""))
	runPaths(t, g, []pathCase{
		{name: "test_downgrade_over_crisscross", down: true, dest: "b1", source: "a3 b2", want: "b2", wantHeads: "a3"},
	})
	own := mustMap(t, rv("a1", "", "", ""), rv("a2", "a1", "a1", ""))
	runPaths(t, own, []pathCase{
		{name: "DependsOnOwnDownrevTest/test_traverse", dest: "a2", source: "", want: "a1 a2", wantHeads: "a2"},
		{name: "DependsOnOwnDownrevTest/test_traverse_down", down: true, dest: "a1", source: "a2", want: "a2", wantHeads: "a1"},
	})
	four := mustMap(t, rv("a1", "", "", ""), rv("a2", "a1", "", ""), rv("a3", "a2", "", ""),
		rv("b1", "", "", ""), rv("b2", "b1", "a3", ""), rv("b3", "b2", "", ""), rv("b4", "b3", "a3", ""))
	runPaths(t, four, []pathCase{
		{name: "DependsOnBranchTestFour/test_dependencies_are_normalized", down: true, dest: "b3", source: "b4", want: "b4", wantHeads: "b3"},
	})
	five := mustMap(t, rv("a1", "", "", ""), rv("b1", "", "a1", ""), rv("bmerge", "a1 b1", "", ""))
	runPaths(t, five, []pathCase{
		{name: "DependsOnBranchTestFive/test_downgrade_to_depends_on/up_b1", dest: "b1", source: "a1", want: "b1", wantHeads: "b1"},
		{name: "DependsOnBranchTestFive/test_downgrade_to_depends_on/up_bmerge", dest: "bmerge", source: "b1", want: "bmerge", wantHeads: "bmerge"},
		{name: "DependsOnBranchTestFive/test_downgrade_to_depends_on/down_a1", down: true, dest: "a1", source: "bmerge", want: "bmerge", wantHeads: "b1"},
		{name: "DependsOnBranchTestFive/test_downgrade_to_depends_on/down_b1", down: true, dest: "b1", source: "bmerge", want: "bmerge", wantHeads: "b1"},
	})
}

// TestDependsOnBranchLabelTest ports DependsOnBranchLabelTest.
func TestDependsOnBranchLabelTest(t *testing.T) {
	g := mustMap(t, rv("a1", "", "", "lib1"), rv("b1", "a1", "", ""), rv("c1", "b1", "", "c1lib"),
		rv("a2", "", "", ""), rv("b2", "a2", "", ""), rv("c2", "b2", "c1lib", ""),
		rv("d1", "c1", "", ""), rv("e1", "d1", "", ""), rv("f1", "e1", "", ""))
	runPaths(t, g, []pathCase{
		{name: "test_upgrade_path", dest: "c2", source: "a2", want: "a1 b1 c1 b2 c2", wantHeads: "c2"},
	})
}

// TestForestTest ports ForestTest's paths.
func TestForestTest(t *testing.T) {
	g := mustMap(t, rv("a1", "", "", ""), rv("b1", "a1", "", ""), rv("a2", "", "", ""), rv("b2", "a2", "", ""))
	runPaths(t, g, []pathCase{
		{name: "test_base_to_heads", dest: "heads", source: "base", want: "a2 b2 a1 b1", noHeadTest: true},
	})
}

// TestMergedPathTest ports MergedPathTest's paths.
func TestMergedPathTest(t *testing.T) {
	g := mustMap(t, rv("a", "", "", ""), rv("b", "a", "", ""), rv("c1", "b", "", ""), rv("d1", "c1", "", ""),
		rv("c2", "b", "", "c2branch"), rv("d2", "c2", "", ""), rv("e", "d1 d2", "", ""), rv("f", "e", "", ""))
	runPaths(t, g, []pathCase{
		{name: "test_upgrade_across_merge_point", dest: "f", source: "b", want: "c2 d2 c1 d1 e f", wantHeads: "f"},
		{name: "test_downgrade_across_merge_point", down: true, dest: "b", source: "f", want: "f e d1 c1 d2 c2", wantHeads: "b"},
	})
}

// TestBranchedPathTestCrossDependencies ports BranchedPathTestCrossDependencies.
func TestBranchedPathTestCrossDependencies(t *testing.T) {
	g := mustMap(t, rv("a", "", "", ""), rv("b", "a", "", ""), rv("c1", "b", "", "c1branch"), rv("d1", "c1", "", ""),
		rv("c2", "b", "", "c2branch"), rv("d2", "c2", "c1", ""))
	runPaths(t, g, []pathCase{
		{name: "test_downgrade_independent_branch", down: true, dest: "c2branch@b", source: "d1 d2", want: "d2 c2", wantHeads: "d1"},
	})
	t.Run("test_downgrade_branch_dependency", func(t *testing.T) {
		got, err := g.DowngradeRevs("c1branch@b", []string{"d1", "d2"})
		if err != nil {
			t.Fatal(err)
		}
		sortedGot := slices.Clone(got)
		slices.Sort(sortedGot)
		eqStrings(t, sortedGot, "c1 d1 d2")
		if slices.Index(got, "d1") > slices.Index(got, "c1") || slices.Index(got, "d2") > slices.Index(got, "c1") {
			t.Errorf("order %v: d1 and d2 must come before c1", got)
		}
		heads := []string{"d1", "d2"}
		for _, id := range got {
			if heads, _, err = g.StepHeads(heads, id, false); err != nil {
				t.Fatal(err)
			}
		}
		eqStrings(t, heads, "c2")
	})
}

// stampCase stamps revisions over heads and expects the version table
// changes (Alembic's StampStep and merge_branch_idents) and the heads.
type stampCase struct {
	name      string
	g         *Graph
	revs      string
	heads     string
	changes   []VersionChange
	wantHeads string
	wantErr   string
}

func del(id string) VersionChange { return VersionChange{Kind: VersionDelete, From: id} }
func ins(id string) VersionChange { return VersionChange{Kind: VersionInsert, To: id} }
func upd(from, to string) VersionChange {
	return VersionChange{Kind: VersionUpdate, From: from, To: to}
}

func runStamps(t *testing.T, tests []stampCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			heads, changes, err := tt.g.Stamp(strings.Fields(tt.revs), strings.Fields(tt.heads))
			if tt.wantErr != "" {
				if err == nil || err.Error() != tt.wantErr {
					t.Fatalf("Stamp(%q) error = %v, want %q", tt.revs, err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if tt.changes != nil && !slices.Equal(changes, tt.changes) {
				t.Errorf("Stamp(%q over %q) changes = %v, want %v", tt.revs, tt.heads, changes, tt.changes)
			}
			slices.Sort(heads)
			want := strings.Fields(tt.wantHeads)
			slices.Sort(want)
			if !slices.Equal(heads, want) && !(len(heads) == 0 && len(want) == 0) {
				t.Errorf("Stamp(%q over %q) heads = %v, want %v", tt.revs, tt.heads, heads, want)
			}
		})
	}
}

// TestStampRevs ports the _stamp_revs cases of test_version_traversal.py.
func TestStampRevs(t *testing.T) {
	linearG := mustMap(t, rv("a", "", "", ""), rv("b", "a", "", ""), rv("c", "b", "", ""), rv("d", "c", "", ""), rv("e", "d", "", ""))
	branched := branchedPath(t)
	dep := mustMap(t, rv("a1", "", "", "lib1"), rv("b1", "a1", "", ""), rv("c1", "b1", "", ""),
		rv("a2", "", "", ""), rv("b2", "a2", "", ""), rv("c2", "b2", "c1", ""),
		rv("d1", "c1", "", ""), rv("e1", "d1", "", ""), rv("f1", "e1", "", ""))
	forest := mustMap(t, rv("a1", "", "", ""), rv("b1", "a1", "", ""), rv("a2", "", "", ""), rv("b2", "a2", "", ""))
	merged := mustMap(t, rv("a", "", "", ""), rv("b", "a", "", ""), rv("c1", "b", "", ""), rv("d1", "c1", "", ""),
		rv("c2", "b", "", "c2branch"), rv("d2", "c2", "", ""), rv("e", "d1 d2", "", ""), rv("f", "e", "", ""))
	runStamps(t, []stampCase{
		{name: "RevisionPathTest.test_stamp_to_base", g: linearG, revs: "base", heads: "d", changes: []VersionChange{del("d")}, wantHeads: ""},
		{name: "BranchedPathTest.test_stamp_down_across_multiple_branch_to_branchpoint", g: branched, revs: "b", heads: "d1 c2", changes: []VersionChange{del("d1"), upd("c2", "b")}, wantHeads: "b"},
		{name: "BranchedPathTest.test_stamp_to_labeled_base_multiple_heads", g: branched, revs: "c1branch@base", heads: "d1 c2", changes: []VersionChange{del("d1")}, wantHeads: "c2"},
		{name: "BranchedPathTest.test_stamp_to_labeled_head_multiple_heads", g: branched, revs: "c2branch@head", heads: "d1 c2", changes: []VersionChange{upd("c2", "d2")}, wantHeads: "d1 d2"},
		{name: "DependsOnBranchTestOne.test_stamp_across_dependency", g: dep, revs: "b1", heads: "e1 c2", wantHeads: "b1"},
		{name: "ForestTest.test_stamp_to_heads", g: forest, revs: "heads", heads: "", changes: []VersionChange{ins("b1"), ins("b2")}, wantHeads: "b1 b2"},
		{name: "ForestTest.test_stamp_to_heads_no_moves_needed", g: forest, revs: "heads", heads: "b1 b2", changes: []VersionChange{}, wantHeads: "b1 b2"},
		{name: "MergedPathTest.test_stamp_down_across_merge_point_branch", g: merged, revs: "c2", heads: "e", changes: []VersionChange{upd("e", "c2")}, wantHeads: "c2"},
		{name: "MergedPathTest.test_stamp_down_across_merge_prior_branching", g: merged, revs: "a", heads: "e", changes: []VersionChange{upd("e", "a")}, wantHeads: "a"},
		{name: "MergedPathTest.test_stamp_up_across_merge_from_single_branch", g: merged, revs: "e", heads: "c2", changes: []VersionChange{upd("c2", "e")}, wantHeads: "e"},
		{name: "MergedPathTest.test_stamp_labeled_head_across_merge_from_multiple_branch", g: merged, revs: "c2branch@head", heads: "d1 c2", changes: []VersionChange{del("d1"), upd("c2", "f")}, wantHeads: "f"},
		{name: "MergedPathTest.test_stamp_up_across_merge_from_multiple_branch", g: merged, revs: "e", heads: "d1 c2", changes: []VersionChange{del("d1"), upd("c2", "e")}, wantHeads: "e"},
		{name: "MergedPathTest.test_stamp_up_across_merge_prior_branching", g: merged, revs: "e", heads: "b", changes: []VersionChange{upd("b", "e")}, wantHeads: "e"},
		{name: "stamp -1 on an empty table", g: linearG, revs: "-1", heads: "", changes: []VersionChange{ins("d")}, wantHeads: "d"},
		{name: "stamp head with several heads", g: branched, revs: "head", heads: "", wantErr: "Multiple heads are present; please specify a single target revision"},
	})
}
