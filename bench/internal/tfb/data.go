package tfb

// WorldRows is the number of rows of the world table (ids 1..WorldRows).
const WorldRows = 10000

// MaxQueries and MinQueries bound the queries parameter of /queries and
// /updates.
const (
	MinQueries = 1
	MaxQueries = 500
)

// HelloWorld is the message of /json and the body of /plaintext.
const HelloWorld = "Hello, World!"

// AdditionalFortune is the message of the fortune added at request time,
// with id 0.
const AdditionalFortune = "Additional fortune added at request time."

// A Fortune is one row of the fortune table.
type Fortune struct {
	ID      int
	Message string
}

// Fortunes are the rows of TechEmpower's fortune table, by id.
var Fortunes = []Fortune{
	{1, "fortune: No such file or directory"},
	{2, "A computer scientist is someone who fixes things that aren't broken."},
	{3, "After enough decimal places, nobody gives a damn."},
	{4, "A bad random number generator: 1, 1, 1, 1, 1, 4.33e+67, 1, 1, 1"},
	{5, "A computer program does what you tell it to do, not what you want it to do."},
	{6, "Emacs is a nice operating system, but I prefer UNIX. — Tom Christaensen"},
	{7, "Any program that runs right is obsolete."},
	{8, "A list is only as strong as its weakest link. — Donald Knuth"},
	{9, "Feature: A bug with seniority."},
	{10, "Computers make very fast, very accurate mistakes."},
	{11, `<script>alert("This should not be displayed in a browser alert box.");</script>`},
	{12, "フレームワークのベンチマーク"},
}
