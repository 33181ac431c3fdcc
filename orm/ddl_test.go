package orm_test

import (
	"testing"
	"time"

	"github.com/flagon-go/flagon/orm"
)

var dialectNames = []string{"sqlite", "postgresql", "mysql"}

// Tutorial is the Flask-Migrate tutorial's Product model at stage 2.
type Tutorial struct {
	ID    int
	Name  string `orm:"size:100"`
	Price *int
}

func (Tutorial) TableName() string { return "product" }

// AllTypes has one column of every portable type.
type AllTypes struct {
	ID      int64
	I       int
	I32     int32
	I16     int16
	Flag    bool
	F       float64
	S       string `orm:"size:30"`
	Unsized string
	Txt     string      `orm:"type:text"`
	Num     orm.Decimal `orm:"type:numeric(40,10)"`
	Day     orm.Date
	At      time.Time
	AtTZ    time.Time `orm:"tz"`
	Clock   orm.TimeOfDay
	Span    time.Duration
	Blob    []byte
	Doc     orm.JSON[map[string]any]
	Key     orm.UUID
	State   Status
	Citext  CaseInsensitive
	Maybe   *string `orm:"size:10"`
}

func TestCreateSQLGolden(t *testing.T) {
	sets := []struct {
		name   string
		models []any
	}{
		{"tutorial", []any{Tutorial{}}},
		{"relations", []any{Owner{}, Product{}, Membership{}}},
		{"types", []any{AllTypes{}}},
	}
	for _, set := range sets {
		md := orm.NewMetaData()
		if err := md.Register(set.models...); err != nil {
			t.Fatal(err)
		}
		for _, d := range dialectNames {
			t.Run(set.name+"/"+d, func(t *testing.T) {
				create, err := md.CreateSQL(d)
				if err != nil {
					t.Fatal(err)
				}
				drop, err := md.DropSQL(d)
				if err != nil {
					t.Fatal(err)
				}
				golden(t, "ddl/"+d+"/"+set.name+".sql", joinSQL(create)+"-- drop\n"+joinSQL(drop))
			})
		}
	}
}
