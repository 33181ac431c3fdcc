package orm_test

import (
	"context"
	"errors"
	"fmt"

	"github.com/flagon-go/flagon/orm"
)

// A relationship read from the database without a loader is unloaded:
// reading it panics with an error naming the loader to use, instead of
// reading as an empty collection.
func ExampleMany() {
	ctx := context.Background()
	db := blogExampleDB()
	defer db.Close()
	s := orm.NewSession(db)
	defer s.Close(ctx)
	ann := &User{Name: "ann", Active: true}
	ann.Posts.Append(&Post{Title: "Hello"}) // a new object's collection is complete
	_ = s.Add(ann)
	_ = s.Commit(ctx)

	s2 := orm.NewSession(db)
	defer s2.Close(ctx)
	u, _ := orm.Select[User](s2).FilterBy("Name", "ann").One(ctx)
	fmt.Println("loaded:", u.Posts.Loaded())
	func() {
		defer func() { fmt.Println("read:", errors.Is(recover().(error), orm.ErrNotLoaded)) }()
		_ = u.Posts.Items()
	}()
	_ = s2.Load(ctx, &u.Posts)
	for _, p := range u.Posts.Items() {
		fmt.Println("post:", p.Title, "by", p.Author.Get().Name)
	}
	// Output:
	// loaded: false
	// read: true
	// post: Hello by ann
}

// The message of a NotLoadedError names the relationship and the loader
// option that loads it.
func ExampleNotLoadedError() {
	err := &orm.NotLoadedError{Model: "Post", Relation: "Author"}
	fmt.Println(err)
	// Output:
	// orm: Post.Author is not loaded (it is not empty: it was never read from the database); load it in the query with .Options(orm.JoinedLoad("Author")), or load it afterwards with s.Load(ctx, &obj.Author) or orm.LoadAll
}
