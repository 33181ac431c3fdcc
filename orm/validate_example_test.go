package orm_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"

	"github.com/flagon-go/flagon/orm"
)

// Subscriber is the model of the validator example.
type Subscriber struct {
	ID    int64
	Email string `orm:"size:100"`
}

var subscriberValidators sync.Once

func ExampleValidate() {
	subscriberValidators.Do(func() { // once, at program start
		err := orm.Validate[Subscriber]("Email", func(_ *Subscriber, v string) (string, error) {
			if !strings.Contains(v, "@") {
				return "", errors.New("not an e-mail address")
			}
			return strings.ToLower(strings.TrimSpace(v)), nil
		})
		if err != nil {
			panic(err)
		}
	})
	ctx := context.Background()
	db, _ := orm.Open("sqlite://")
	defer db.Close()
	md := orm.NewMetaData()
	_ = md.Register(Subscriber{})
	_ = md.CreateAll(ctx, db)

	s := orm.NewSession(db)
	a := &Subscriber{Email: " Ann@Example.ORG"}
	_ = s.Add(a) // validated and normalised here
	fmt.Println(a.Email)
	_ = s.Commit(ctx)

	a.Email = "nobody" // validated at the next flush
	err := s.Commit(ctx)
	var ve *orm.ValidationError
	if errors.As(err, &ve) {
		fmt.Println(ve.Model, ve.Field, ve.Err)
	}
	_ = s.Rollback(ctx)
	// Output:
	// ann@example.org
	// Subscriber Email not an e-mail address
}
