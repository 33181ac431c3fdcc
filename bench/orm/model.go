package ormbench

// Model is the benchmark row, the model of efectn/go-orm-benchmarks. Every
// implementation reads and writes it; the tags are GORM's and Bun's (flagon
// takes ID as an autoincrement primary key by its own rule).
type Model struct {
	ID      int `gorm:"primaryKey" bun:",pk,autoincrement"`
	Name    string
	Title   string
	Fax     string
	Web     string
	Age     int
	Right   bool
	Counter int64
}

// TableName names the table "models" for flagon and GORM; it is also Bun's
// default name for Model.
func (Model) TableName() string { return "models" }

// NewModel returns the row that every benchmark writes, with ID unset.
func NewModel() *Model {
	return &Model{
		Name:    "Orm Benchmark",
		Title:   "Just a Benchmark for fun",
		Fax:     "99909990",
		Web:     "http://blog.milkpod29.me",
		Age:     100,
		Right:   true,
		Counter: 1000,
	}
}

// NewModels returns n rows from NewModel.
func NewModels(n int) []*Model {
	ms := make([]*Model, n)
	for i := range ms {
		ms[i] = NewModel()
	}
	return ms
}
