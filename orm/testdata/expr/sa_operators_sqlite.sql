-- test_null_true_false_is_sanity_checks eq None
"field" IS NULL
-- args: 

-- test_null_true_false_is_sanity_checks ne None
"field" IS NOT NULL
-- args: 

-- test_operator_precedence_1
("field" = ?) IS NULL
-- args: int(5)

-- test_operator_precedence_2
"field" + ? = "field"
-- args: int(5)

-- test_operator_precedence_3
("field" + ?) * ?
-- args: int(5), int(6)

-- test_operator_precedence_4
"field" * ? + ?
-- args: int(5), int(6)

-- test_non_associatives sub
"field" + ? > "b" - ("c" - ?)
-- args: int(5), int(1)

-- test_operator_precedence_7
NOT ("field" = ? AND "field" = ?)
-- args: int(5), int(7)

-- test_operator_precedence_8
"field" <> ?
-- args: int(5)

-- negate single and
"field" <> ?
-- args: int(5)

-- test_operator_precedence_9
"field" NOT BETWEEN ? AND ?
-- args: int(5), int(6)

-- test_operator_precedence_collate_3
("name" COLLATE "utf8mb4_bin") = ?
-- args: string(foo)

-- test_operator_precedence_collate_5
SELECT "name" FROM "user" ORDER BY "name" COLLATE "utf8mb4_bin" DESC
-- args: 

-- test_operator_precedence_collate_6
SELECT "name" FROM "user" ORDER BY "name" COLLATE "utf8mb4_bin" DESC NULLS LAST
-- args: 

-- test_collate
"name" COLLATE "utf8mb4_bin"
-- args: 

-- test_negate_operators_2
SELECT "user"."id", "user"."name", "user"."active" FROM "user" WHERE "id" <> ? AND "name" <> ?
-- args: int(12), string(john)

-- test_negate_operators_3
SELECT "user"."id", "user"."name", "user"."active" FROM "user" WHERE "id" <> ? AND "name" NOT BETWEEN ? AND ?
-- args: int(12), string(jack), string(john)

-- test_negate_operators_4
SELECT "user"."id", "user"."name", "user"."active" FROM "user" WHERE "id" <> ? AND NOT ("name" = ? AND "name" = ? AND "name" = ?)
-- args: int(12), string(john), string(ed), string(fred)

-- negate gt lt ge le
("field" <= ? AND "field" >= ? AND "field" < ? AND "field" > ?)
-- args: int(1), int(2), int(3), int(4)

-- negate is null, in, like, not
("field" IS NOT NULL AND "field" NOT IN (?, ?) AND "name" NOT LIKE ? AND "field" = ?)
-- args: int(1), int(2), string(a%), int(1)

-- negate exists
NOT EXISTS (SELECT 1 FROM "post")
-- args: 

-- test_and_false_literal_leading
0
-- args: 

-- test_and_true_literal_leading
"field" = ?
-- args: int(5)

-- test_or_false_literal_leading
"field" = ?
-- args: int(5)

-- test_or_true_literal_leading
1
-- args: 

-- test_is_true_literal
SELECT "id" FROM "user" WHERE 1
-- args: 

-- test_constant_render_distinct
SELECT 1, 0 FROM "user"
-- args: 

-- nested and or
("field" = ? OR ("field" = ? AND ("field" = ? OR NOT ("field" = ? OR "field" = ?))))
-- args: int(1), int(2), int(3), int(4), int(5)

-- test_in_1
"field" IN (?)
-- args: int(5)

-- test_in_2
"field" IN (?, ?, ?)
-- args: int(5), int(6), int(7)

-- test_in_24 subquery
"field" IN (SELECT "id" FROM "post")
-- args: 

-- test_in_null_combinations
"field" IN (?, NULL)
-- args: int(1)

-- test_in_empty_single in
"field" IN (SELECT 1 FROM (SELECT 1) WHERE 1!=1)
-- args: 

-- test_in_empty_single not_in
("field" NOT IN (SELECT 1 FROM (SELECT 1) WHERE 1!=1))
-- args: 

-- test_in_empty_single negated in
("field" NOT IN (SELECT 1 FROM (SELECT 1) WHERE 1!=1))
-- args: 

-- test_in_self_plus_negated
("field" IN (?) AND "field" NOT IN (?))
-- args: int(5), int(5)

-- test_in_self_plus_negated_empty
("field" IN (SELECT 1 FROM (SELECT 1) WHERE 1!=1) AND ("field" NOT IN (SELECT 1 FROM (SELECT 1) WHERE 1!=1)))
-- args: 

-- test_is_distinct_from
"field" IS NOT ?
-- args: int(1)

-- test_is_distinct_from None
"field" IS NOT NULL
-- args: 

-- test_not_is_distinct_from
"field" IS ?
-- args: int(1)

-- test_is_not_distinct_from
"field" IS ?
-- args: int(1)

-- test_not_is_not_distinct_from
"field" IS NOT ?
-- args: int(1)

-- test_like_1
"name" LIKE ?
-- args: string(somstr)

-- test_like_3
"name" LIKE ? ESCAPE '\'
-- args: string(somstr)

-- test_like_quote_escape
"name" LIKE ? ESCAPE ''''
-- args: string(somstr)

-- test_not_like_escape
"name" NOT LIKE ? ESCAPE '/'
-- args: string(a%)

-- test_ilike_escape
lower("name") LIKE lower(?) ESCAPE '/'
-- args: string(a%)

-- test_not_ilike_escape
lower("name") NOT LIKE lower(?) ESCAPE '/'
-- args: string(a%)

-- test_contains
"name" LIKE '%' || ? || '%'
-- args: string(o)

-- test_contains_escape
"name" LIKE '%' || ? || '%' ESCAPE '\'
-- args: string(a%b_c)

-- test_contains_autoescape
"name" LIKE '%' || ? || '%' ESCAPE '/'
-- args: string(a/%b/_c//d)

-- test_contains_concat
"name" LIKE '%' || "title" || '%'
-- args: 

-- test_not_contains_autoescape
"name" NOT LIKE '%' || ? || '%' ESCAPE '/'
-- args: string(a/%b/_c//d)

-- test_startswith
"name" LIKE ? || '%'
-- args: string(a)

-- test_startswith_autoescape
"name" LIKE ? || '%' ESCAPE '/'
-- args: string(a/%b/_c//d)

-- test_startswith_autoescape_custom_escape
"name" LIKE ? || '%' ESCAPE '^'
-- args: string(a^%b^_c/d^^e)

-- test_endswith
"name" LIKE '%' || ?
-- args: string(a)

-- test_endswith_autoescape
"name" LIKE '%' || ? ESCAPE '/'
-- args: string(a/%b/_c//d)

-- test_endswith_autoescape_custom_escape
"name" LIKE '%' || ? ESCAPE '^'
-- args: string(a^%b^_c/d^^e)

-- test_between_1
"field" BETWEEN ? AND ?
-- args: int(1), int(2)

-- test_between_2
"field" NOT BETWEEN ? AND ?
-- args: int(1), int(2)

-- test_concat
("name" || ?)
-- args: string(x)

