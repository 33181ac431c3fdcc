package orm_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/flagon-go/flagon/orm"
)

// exprExampleDB opens an in-memory database with the seeded blog tables
// (see exprSeed): ann wrote "Go tips" and "SQL", bob "Hello" and "Bye".
func exprExampleDB() *orm.DB {
	db, err := orm.Open("sqlite://")
	if err != nil {
		panic(err)
	}
	md := orm.NewMetaData()
	if err := md.Register(User{}, Profile{}, Post{}, Tag{}, PostTag{}, Node{}); err != nil {
		panic(err)
	}
	ctx := context.Background()
	if err := md.CreateAll(ctx, db); err != nil {
		panic(err)
	}
	s := orm.NewSession(db)
	goTag, sqlTag := &Tag{Name: "go"}, &Tag{Name: "sql"}
	_ = s.Add(&User{Name: "ann", Posts: orm.ManyOf(&Post{Title: "Go tips", Views: 10, Tags: orm.ManyOf(goTag)}, &Post{Title: "SQL", Views: 30, Tags: orm.ManyOf(goTag, sqlTag)})})
	_ = s.Add(&User{Name: "bob", Posts: orm.ManyOf(&Post{Title: "Hello", Views: 5}, &Post{Title: "Bye", Views: 5})})
	_ = s.Add(&User{Name: "cid"})
	_ = s.Add(&Node{Name: "root", Children: orm.ManyOf(&Node{Name: "a", Children: orm.ManyOf(&Node{Name: "a1"})}, &Node{Name: "b"})})
	if err := s.Commit(ctx); err != nil {
		panic(err)
	}
	return db
}

func ExampleInto() {
	ctx := context.Background()
	db := exprExampleDB()
	defer db.Close()

	// Into a struct of your own, by column name (label aggregates with As).
	type stats struct {
		AuthorID int64
		Posts    int64
		Views    int64
	}
	rows, _ := orm.Into[stats](ctx, orm.Select[Post](db).
		Columns("author_id", orm.Count().As("posts"), orm.Sum("views").As("views")).
		GroupBy("author_id").OrderBy("author_id"))
	fmt.Println(rows)

	// Into scalars and tuples.
	names, _ := orm.Into[string](ctx, orm.Select[User](db).Columns("name").OrderBy("name"))
	pairs, _ := orm.Into[orm.Tuple2[string, int]](ctx, orm.Select[Post](db).Columns("title", "views").Where(orm.C("views").Gt(5)))
	fmt.Println(names, pairs)

	// A subquery as a table.
	per := orm.Select[Post](db).Columns("author_id", orm.Sum("views").As("total")).GroupBy("author_id").Subquery("per")
	busy, _ := orm.Into[int64](ctx, orm.Select[Post](db).From(per).Columns(per.C("author_id")).Where(per.C("total").Gt(20)))
	fmt.Println(busy)
	// Output:
	// [{1 2 40} {2 2 10}]
	// [ann bob cid] [{Go tips 10} {SQL 30}]
	// [1]
}

func ExampleCase() {
	ctx := context.Background()
	db := exprExampleDB()
	defer db.Close()

	heat := orm.Case(orm.When(orm.C("views").Ge(10), "hot"), orm.When(orm.C("views").Ge(6), "warm")).Else("cold")
	rows, _ := orm.Into[orm.Tuple2[string, string]](ctx, orm.Select[Post](db).
		Columns(orm.Concat("title", orm.Value("!")), heat).OrderBy("id"))
	fmt.Println(rows)
	found, _ := orm.Into[string](ctx, orm.Select[Post](db).Columns("title").Where(orm.C("title").ILike("%TIP%")))
	fmt.Println(found)
	// Output:
	// [{Go tips! hot} {SQL! hot} {Hello! cold} {Bye! cold}]
	// [Go tips]
}

func ExampleRelationRef_Any() {
	ctx := context.Background()
	db := exprExampleDB()
	defer db.Close()

	// SQLAlchemy's User.posts.any(Post.views > 20).
	popular := orm.Select[User](db).Columns("name").Where(orm.Rel[User]("Posts").Any(orm.C("post.views").Gt(20)))
	query, _, _ := popular.SQL()
	fmt.Println(query)
	names, _ := orm.Into[string](ctx, popular)
	fmt.Println(names)

	// Many-to-many through post_tag, and a join along a relationship.
	tagged, _ := orm.Into[string](ctx, orm.Select[Post](db).Columns("post.title").JoinRelation("Tags").
		Where(orm.C("tag.name").Eq("sql")))
	fmt.Println(tagged)

	// A self-join through an alias.
	parent := orm.Aliased[Node]("parent")
	edges, _ := orm.Into[orm.Tuple2[string, string]](ctx, orm.Select[Node](db).Columns("node.name", parent.C("name")).
		JoinOn(parent, parent.C("id").Eq(orm.C("node.parent_id"))).OrderBy("node.name"))
	fmt.Println(edges)
	// Output:
	// SELECT "name" FROM "user" WHERE EXISTS (SELECT 1 FROM "post" WHERE "user"."id" = "post"."author_id" AND "post"."views" > ?)
	// [ann]
	// [SQL]
	// [{a root} {a1 a} {b root}]
}

func ExampleRecursiveCTE() {
	ctx := context.Background()
	db := exprExampleDB()
	defer db.Close()

	tree := orm.RecursiveCTE("tree", "id", "name", "depth")
	tree.UnionAll(
		orm.Select[Node](db).Columns("id", "name", orm.SQL("0")).Where(orm.C("parent_id").IsNull()),
		orm.Select[Node](db).Columns("node.id", "node.name", orm.Binary{Left: tree.C("depth"), Op: "+", Right: 1}).
			JoinOn(tree, orm.C("node.parent_id").Eq(tree.C("id"))),
	)
	rows, _ := orm.Into[orm.Tuple2[string, int]](ctx, orm.Select[Node](db).From(tree).
		Columns(tree.C("name"), tree.C("depth")).OrderBy(tree.C("depth"), tree.C("name")))
	fmt.Println(rows)
	// Output:
	// [{root 0} {a 1} {b 1} {a1 2}]
}

func ExampleFunc_Over() {
	ctx := context.Background()
	db := exprExampleDB()
	defer db.Close()

	byAuthor := orm.PartitionBy("author_id").OrderBy("-views", "id")
	type ranked struct {
		Title   string
		Rank    int64
		Running int64
	}
	rows, _ := orm.Into[ranked](ctx, orm.Select[Post](db).Columns("title",
		orm.RowNumber().Over(byAuthor).As("rank"),
		orm.Sum("views").Over(orm.PartitionBy("author_id").OrderBy("id").Rows(orm.UnboundedPreceding, orm.CurrentRow)).As("running"),
	).OrderBy("id"))
	fmt.Println(rows)
	// Output:
	// [{Go tips 2 10} {SQL 1 40} {Hello 1 5} {Bye 2 10}]
}

func ExampleUnion() {
	ctx := context.Background()
	db := exprExampleDB()
	defer db.Close()

	names, _ := orm.Into[string](ctx, orm.Union(
		orm.Select[User](db).Columns("name"),
		orm.Select[Tag](db).Columns("name"),
	).OrderBy("name"))
	fmt.Println(names)
	_, err := orm.Into[string](ctx, orm.Union(orm.Select[User](db).Columns("id", "name"), orm.Select[Tag](db).Columns("name")))
	fmt.Println(err)
	// Output:
	// [ann bob cid go sql]
	// orm: UNION of queries with different numbers of columns: 2 and 1 (member 2)
}

// takeJob is one worker's step of a job queue: lock the first job that
// nobody has taken or holds, mark it taken, commit. SKIP LOCKED makes a
// second worker skip the row the first one holds instead of waiting for it,
// so two workers never take the same job.
func takeJob(ctx context.Context, db *orm.DB) (*Job, error) {
	tx, err := db.Begin(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	job, err := orm.Select[Job](tx).Where(orm.C("taken").Eq(false)).OrderBy("id").Limit(1).
		ForUpdate(orm.SkipLocked()).First(ctx)
	if err != nil {
		return nil, err // orm.ErrNoRows: the queue is empty
	}
	job.Taken = true
	if err := orm.Save(ctx, tx, job); err != nil {
		return nil, err
	}
	return job, tx.Commit()
}

func ExampleSelectQuery_ForUpdate() {
	ctx := context.Background()
	db, _ := orm.Open("sqlite://")
	defer db.Close()
	md := orm.NewMetaData()
	_ = md.Register(Job{})
	_ = md.CreateAll(ctx, db)
	_ = orm.InsertMany(ctx, db, []*Job{{Name: "resize"}, {Name: "mail"}})

	for range 3 {
		job, err := takeJob(ctx, db)
		fmt.Println(job, err)
	}
	// The lock clause per database (SQLite renders none, as SQLAlchemy).
	for _, name := range []string{"postgresql", "mysql", "sqlite"} {
		d, _ := orm.LookupDialect(name)
		query, _, _ := orm.Select[Job](offline{d}).Limit(1).ForUpdate(orm.SkipLocked()).SQL()
		_, tail, _ := strings.Cut(query, " FROM ")
		fmt.Println(name+":", tail)
	}
	// Output:
	// &{1 resize true} <nil>
	// &{2 mail true} <nil>
	// <nil> orm: sql: no rows in result set
	// postgresql: "job" LIMIT 1 FOR UPDATE SKIP LOCKED
	// mysql: `job` LIMIT 1 FOR UPDATE SKIP LOCKED
	// sqlite: "job" LIMIT 1
}

func ExampleJSONPath() {
	ctx := context.Background()
	db, _ := orm.Open("sqlite://")
	defer db.Close()
	md := orm.NewMetaData()
	_ = md.Register(JSONDoc{})
	_ = md.CreateAll(ctx, db)
	_ = orm.InsertMany(ctx, db, []*JSONDoc{
		{Name: "ann", Data: jsonDoc(`{"age": 30, "addr": {"city": "Oslo"}}`)},
		{Name: "bob", Data: jsonDoc(`{"age": 20, "addr": {"city": "Rome"}}`)},
	})
	names, _ := orm.Into[string](ctx, orm.Select[JSONDoc](db).Columns("name").
		Where(orm.JSONPath("data", "addr.city").AsText().Eq("Oslo"), orm.JSONPath("data", "age").AsInteger().Gt(25)))
	fmt.Println(names)
	_, err := orm.Into[string](ctx, orm.Select[JSONDoc](db).Columns("name").Where(orm.JSONPath("data", "addr..city").AsText().Eq("x")))
	fmt.Println(err)
	// Output:
	// [ann]
	// orm: JSON path "addr..city" of data: empty key
}
