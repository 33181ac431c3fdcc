package ormbench_test

import (
	"fmt"

	ormbench "github.com/flagon-go/flagon/bench/orm"
)

// ExamplePostgres shows the target of the default benchmark database and
// its bind parameters.
func ExamplePostgres() {
	t := ormbench.Postgres(ormbench.DefaultPostgres)
	fmt.Println(t.Name, t.Driver, t.Placeholder(3))
	// Output: postgres pgx $3
}

// ExampleSQLite shows that flagon and the other implementations open the
// same file.
func ExampleSQLite() {
	t := ormbench.SQLite("/tmp/bench.db")
	fmt.Println(t.Name, t.URL, t.Placeholder(3))
	// Output: sqlite sqlite:////tmp/bench.db?_pragma=synchronous%28NORMAL%29 ?
}
