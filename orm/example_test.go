package orm_test

import (
	"context"
	"errors"
	"fmt"

	"github.com/flagon-go/flagon/orm"
)

// Item is the model used by the examples.
type Item struct {
	ID    int
	Name  string `orm:"size:100;unique"`
	Price *int
}

func Example() {
	ctx := context.Background()
	db, err := orm.Open("sqlite://")
	if err != nil {
		panic(err)
	}
	defer db.Close()
	md := orm.NewMetaData()
	if err := md.Register(Item{}); err != nil {
		panic(err)
	}
	if err := md.CreateAll(ctx, db); err != nil {
		panic(err)
	}
	price := 3
	apple := &Item{Name: "apple", Price: &price}
	if err := orm.Insert(ctx, db, apple); err != nil {
		panic(err)
	}
	_ = orm.InsertMany(ctx, db, []*Item{{Name: "pear"}, {Name: "plum"}})
	fmt.Println("apple id:", apple.ID)

	items, _ := orm.Select[Item](db).Where(orm.C("name").Like("p%")).OrderBy("-name").All(ctx)
	for _, it := range items {
		fmt.Println(it.ID, it.Name, it.Price == nil)
	}
	err = orm.Insert(ctx, db, &Item{Name: "apple"})
	fmt.Println("duplicate:", errors.Is(err, orm.ErrUniqueViolation))
	// Output:
	// apple id: 1
	// 3 plum true
	// 2 pear true
	// duplicate: true
}

func ExampleParseURL() {
	u, err := orm.ParseURL("postgresql+psycopg2://scott:tiger@localhost:5432/shop?sslmode=disable")
	if err != nil {
		panic(err)
	}
	fmt.Println(u.Dialect, u.Host, u.Port, u.Database)
	fmt.Println(u)
	// Output:
	// postgresql localhost 5432 shop
	// postgresql+psycopg2://scott:***@localhost:5432/shop?sslmode=disable
}

func ExampleSnakeCase() {
	fmt.Println(orm.SnakeCase("HTMLLayout"), orm.SnakeCase("HTTP2Request"), orm.SnakeCase("UserST4"))
	// Output: html_layout http2_request user_st4
}

func ExampleMetaData_CreateSQL() {
	md := orm.NewMetaData()
	if err := md.Register(Item{}); err != nil {
		panic(err)
	}
	stmts, _ := md.CreateSQL("postgresql")
	for _, s := range stmts {
		fmt.Println(s)
	}
	// Output:
	// CREATE TABLE "item" ("id" serial NOT NULL, "name" character varying(100) NOT NULL, "price" integer NULL, PRIMARY KEY ("id"))
	// CREATE UNIQUE INDEX "uq_item_name" ON "item" ("name")
}

func ExampleSelectQuery_SQL() {
	db, _ := orm.Open("sqlite://")
	defer db.Close()
	query, args, _ := orm.Select[Item](db).FilterBy("Name", "apple").Where(orm.C("price").Gt(2)).Limit(5).SQL()
	fmt.Println(query)
	fmt.Println(args)
	// Output:
	// SELECT "item"."id", "item"."name", "item"."price" FROM "item" WHERE "item"."name" = ? AND "price" > ? LIMIT 5
	// [apple 2]
}

func ExampleDB_Transaction() {
	ctx := context.Background()
	db, _ := orm.Open("sqlite://")
	defer db.Close()
	md := orm.NewMetaData()
	_ = md.Register(Item{})
	_ = md.CreateAll(ctx, db)
	err := db.Transaction(ctx, func(tx *orm.Tx) error {
		if err := orm.Insert(ctx, tx, &Item{Name: "kept"}); err != nil {
			return err
		}
		// A savepoint: its failure is rolled back alone.
		_ = tx.Transaction(ctx, func(sp *orm.Tx) error {
			_ = orm.Insert(ctx, sp, &Item{Name: "discarded"})
			return errors.New("changed my mind")
		})
		return nil
	})
	n, _ := orm.Select[Item](db).Count(ctx)
	fmt.Println(err, n)
	// Output: <nil> 1
}

func ExampleCopyFrom() {
	ctx := context.Background()
	db, _ := orm.Open("sqlite://")
	defer db.Close()
	md := orm.NewMetaData()
	_ = md.Register(Item{})
	_ = md.CreateAll(ctx, db)
	rows := make([]*Item, 1000)
	for i := range rows {
		rows[i] = &Item{Name: fmt.Sprintf("item %d", i)}
	}
	// COPY on PostgreSQL; SQLite and MySQL insert with InsertMany.
	n, err := orm.CopyFrom(ctx, db, rows)
	count, _ := orm.Select[Item](db).Count(ctx)
	fmt.Println(n, err, count)
	// Output: 1000 <nil> 1000
}
