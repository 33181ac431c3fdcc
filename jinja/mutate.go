package jinja

// Template lists are Go slices, which cannot grow in place. The Jinja
// idiom {% set _ = items.append(x) %} is supported by rebinding: when the
// list is held by a variable (or a namespace attribute), append and extend
// store the grown list back where that variable lives, so the change is
// visible after the loop as in Python. Other references to the old list
// do not see it.

// mutateList handles list.append(x) and list.extend(xs) calls on template
// lists; handled is false for other calls.
func (st *state) mutateList(a *attrExpr, e *callExpr, sc *scope) (any, bool, error) {
	if a.name != "append" && a.name != "extend" {
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
	if st.env.Immutable {
		return nil, true, unsafeAttr(obj, a.name).err()
	}
	args, kw, err := st.evalArgs(e.callArgs, sc)
	if err != nil {
		return nil, true, err
	}
	if len(args) != 1 || kw.Len() > 0 {
		return nil, true, typeErr("list.%s() takes exactly one argument (%d given)", a.name, len(args))
	}
	grown := append([]any{}, list...)
	if a.name == "append" {
		grown = append(grown, args[0])
	} else {
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
				return nil, true, nil
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
			return nil, true, nil
		case *Dict:
			h.Set(target.name, grown)
			return nil, true, nil
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
			return nil, true, nil
		}
	}
	// A list nothing holds on to (a literal, a filter's result): appending
	// to it has no visible effect, as in Python.
	return nil, true, nil
}
