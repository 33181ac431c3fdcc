package orm_test

import (
	"context"
	"fmt"

	"github.com/flagon-go/flagon/orm"
)

// ExampleStmtCacheSize opens an engine that keeps up to 64 prepared
// statements; running the same query again reuses its statement.
func ExampleStmtCacheSize() {
	db, err := orm.Open("sqlite://", orm.StmtCacheSize(64))
	if err != nil {
		fmt.Println(err)
		return
	}
	defer db.Close()
	for range 2 {
		var n int
		rows, err := db.QueryContext(context.Background(), "SELECT 40 + 2")
		if err != nil {
			fmt.Println(err)
			return
		}
		for rows.Next() {
			err = rows.Scan(&n)
		}
		rows.Close()
		fmt.Println(n, err)
	}
	// Output:
	// 42 <nil>
	// 42 <nil>
}
