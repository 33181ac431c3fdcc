package jinja

// Template lists are Go slices, which cannot grow in place. The Jinja
// idiom {% set _ = items.append(x) %} is supported by rebinding: when the
// list is held by a variable (or a namespace attribute), append and extend
// store the grown list back where that variable lives, so the change is
// visible after the loop as in Python. Other references to the old list
// do not see it.

// mutateList handles list.append(x), list.extend(xs) and list.pop([i]) calls on template
// lists; handled is false for other calls.
func (st *state) mutateList(a *attrExpr, e *callExpr, sc *scope) (any, bool, error) {
	if a.name != "append" && a.name != "extend" && a.name != "pop" {
		return nil, false, nil
	}
	obj, err := st.eval(a.obj, sc)
	if err != nil {
		return nil, true, err
	}
	list, ok := obj.([]any)
	if !ok {
		return nil, false, nil
	}
	if st.env.Immutable && a.name != "pop" { // Jinja's _mutable_spec allows list.pop
		return nil, true, unsafeAttr(obj, a.name).err()
	}
	args, kw, err := st.evalArgs(e.callArgs, sc)
	if err != nil {
		return nil, true, err
	}
	var result any
	grown := append([]any{}, list...)
	switch {
	case a.name == "pop":
		if len(args) > 1 || kw.Len() > 0 {
			return nil, true, typeErr("pop expected at most 1 argument, got %d", len(args))
		}
		if len(grown) == 0 {
			return nil, true, newErr("IndexError", "pop from empty list")
		}
		i := len(grown) - 1
		if len(args) == 1 {
			n, ok := normalize(args[0]).(int)
			if !ok {
				return nil, true, typeErr("'%s' object cannot be interpreted as an integer", typeName(args[0]))
			}
			if n < 0 {
				n += len(grown)
			}
			if n < 0 || n >= len(grown) {
				return nil, true, newErr("IndexError", "pop index out of range")
			}
			i = n
		}
		result = grown[i]
		grown = append(grown[:i], grown[i+1:]...)
	case len(args) != 1 || kw.Len() > 0:
		return nil, true, typeErr("list.%s() takes exactly one argument (%d given)", a.name, len(args))
	case a.name == "append":
		grown = append(grown, args[0])
	default:
		items, err := iterate(args[0])
		if err != nil {
			return nil, true, err
		}
		grown = append(grown, items...)
	}
	switch target := a.obj.(type) {
	case *nameExpr:
		for c := sc; c != nil; c = c.parent {
			if c.has(target.name) {
				c.set(target.name, grown)
				return result, true, nil
			}
		}
	case *attrExpr:
		holder, err := st.eval(target.obj, sc)
		if err != nil {
			return nil, true, err
		}
		switch h := holder.(type) {
		case *Namespace:
			h.d.Set(target.name, grown)
			return result, true, nil
		case *Dict:
			h.Set(target.name, grown)
			return result, true, nil
		}
	case *itemExpr:
		holder, err := st.eval(target.obj, sc)
		if err != nil {
			return nil, true, err
		}
		key, err := st.eval(target.key, sc)
		if err != nil {
			return nil, true, err
		}
		if d, ok := holder.(*Dict); ok {
			d.Set(normalize(key), grown)
			return result, true, nil
		}
	}
	// A list nothing holds on to (a literal, a filter's result): appending
	// to it has no visible effect, as in Python.
	return result, true, nil
}
