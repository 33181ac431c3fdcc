package flagon

// bpTemplates are a blueprint's template registrations.
type bpTemplates struct {
	appFuncs      map[string]any
	processors    []func(c *Ctx) map[string]any
	appProcessors []func(c *Ctx) map[string]any
}

// AppTemplateFunc adds a function or filter usable in every template of
// the app, Flask's app_template_filter, app_template_test and
// app_template_global (Go templates have one function namespace).
func (b *Blueprint) AppTemplateFunc(name string, fn any) {
	b.checkOpen("AppTemplateFunc")
	if b.tmpl.appFuncs == nil {
		b.tmpl.appFuncs = map[string]any{}
	}
	b.tmpl.appFuncs[name] = fn
}

// ContextProcessor adds values to the templates rendered by the
// blueprint's requests (those of its routes and its nested blueprints'
// routes), Flask's blueprint context_processor.
func (b *Blueprint) ContextProcessor(fn func(c *Ctx) map[string]any) {
	b.checkOpen("ContextProcessor")
	b.tmpl.processors = append(b.tmpl.processors, fn)
}

// AppContextProcessor adds values to every template of the app, Flask's
// app_context_processor.
func (b *Blueprint) AppContextProcessor(fn func(c *Ctx) map[string]any) {
	b.checkOpen("AppContextProcessor")
	b.tmpl.appProcessors = append(b.tmpl.appProcessors, fn)
}

// registerTemplates applies a registered blueprint's template functions
// and context processors to the app.
func (a *App) registerTemplates(sc *scope) {
	for name, fn := range sc.bp.tmpl.appFuncs {
		a.TemplateFunc(name, fn)
	}
	a.tmpl.processors = append(a.tmpl.processors, sc.bp.tmpl.appProcessors...)
	for _, p := range sc.bp.tmpl.processors {
		a.tmpl.processors = append(a.tmpl.processors, scopedProcessor(sc, p))
	}
}

// scopedProcessor runs p only for requests whose route is inside sc.
func scopedProcessor(sc *scope, p func(c *Ctx) map[string]any) func(c *Ctx) map[string]any {
	return func(c *Ctx) map[string]any {
		if c.ep == nil {
			return nil
		}
		for s := c.ep.scope; s != nil; s = s.parent {
			if s == sc {
				return p(c)
			}
		}
		return nil
	}
}
