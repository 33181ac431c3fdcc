package graph_test

import (
	"fmt"

	"github.com/flagon-go/flagon/migrate/graph"
)

func ExampleGraph_Resolve() {
	g, err := graph.New([]graph.Node{
		{ID: "db531a47e319"},
		{ID: "8825e31503db", Down: []string{"db531a47e319"}},
	})
	if err != nil {
		panic(err)
	}
	head, _ := g.Resolve("head", nil)
	prev, _ := g.Resolve("-1", head)
	fmt.Println(head, prev, g.UpgradePath(nil, head))
	// Output: [8825e31503db] [db531a47e319] [db531a47e319 8825e31503db]
}
