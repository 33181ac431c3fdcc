package jinja

import (
	"math"
	"math/big"
	"math/bits"
)

// Integers are Go ints until an operation overflows; then they become
// *big.Int, as Python's integers are unbounded. A big result that fits in
// an int becomes an int again.

// maxIntBits bounds the size of a power's result: Python refuses to print
// integers of more than 4300 digits (about 14,300 bits) anyway.
const maxIntBits = 1 << 15

func toBig(v any) *big.Int {
	switch x := v.(type) {
	case *big.Int:
		return x
	case int:
		return big.NewInt(int64(x))
	}
	return nil
}

// shrink returns b as an int when it fits.
func shrink(b *big.Int) any {
	if b.IsInt64() && b.Int64() >= math.MinInt && b.Int64() <= math.MaxInt {
		return int(b.Int64())
	}
	return b
}

// intOp applies op to two ints, falling back to big integers on overflow.
// ok is false for operators it does not handle exactly.
func intOp(op string, a, b int) (any, bool) {
	switch op {
	case "+":
		r := a + b
		if (a > 0 && b > 0 && r < 0) || (a < 0 && b < 0 && r >= 0) {
			return bigOp(op, toBig(a), toBig(b))
		}
		return r, true
	case "-":
		r := a - b
		if (a >= 0 && b < 0 && r < 0) || (a < 0 && b > 0 && r >= 0) {
			return bigOp(op, toBig(a), toBig(b))
		}
		return r, true
	case "*":
		hi, lo := bits.Mul64(uint64(abs(a)), uint64(abs(b)))
		if hi != 0 || lo > math.MaxInt64 || a == math.MinInt || b == math.MinInt {
			return bigOp(op, toBig(a), toBig(b))
		}
		return a * b, true
	case "**":
		if b < 0 {
			return nil, false
		}
		return bigOp(op, toBig(a), toBig(b))
	}
	return nil, false
}

func abs(i int) int {
	if i < 0 {
		return -i
	}
	return i
}

// bigOp applies an integer operator exactly.
func bigOp(op string, a, b *big.Int) (any, bool) {
	r := new(big.Int)
	switch op {
	case "+":
		r.Add(a, b)
	case "-":
		r.Sub(a, b)
	case "*":
		r.Mul(a, b)
	case "**":
		if b.Sign() < 0 || !b.IsInt64() || int64(a.BitLen())*b.Int64() > maxIntBits {
			return nil, false
		}
		r.Exp(a, b, nil)
	case "//", "%":
		if b.Sign() == 0 {
			return nil, false
		}
		q, m := new(big.Int).DivMod(a, b, new(big.Int)) // Euclidean: m >= 0
		if m.Sign() != 0 && b.Sign() < 0 {
			q.Add(q, big.NewInt(1))
			m.Add(m, b)
		}
		if op == "//" {
			return shrink(q), true
		}
		return shrink(m), true
	default:
		return nil, false
	}
	return shrink(r), true
}

func bigFloat(b *big.Int) float64 {
	f, _ := new(big.Float).SetInt(b).Float64()
	return f
}
