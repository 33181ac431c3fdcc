-- test_null_true_false_is_sanity_checks eq None
"field" IS NULL
-- args: 

-- test_null_true_false_is_sanity_checks ne None
"field" IS NOT NULL
-- args: 

-- test_operator_precedence_1
("field" = $1) IS NULL
-- args: int(5)

-- test_operator_precedence_2
"field" + $1 = "field"
-- args: int(5)

-- test_operator_precedence_3
("field" + $1) * $2
-- args: int(5), int(6)

-- test_operator_precedence_4
"field" * $1 + $2
-- args: int(5), int(6)

-- test_non_associatives sub
"field" + $1 > "b" - ("c" - $2)
-- args: int(5), int(1)

-- test_operator_precedence_7
NOT ("field" = $1 AND "field" = $2)
-- args: int(5), int(7)

-- test_operator_precedence_8
"field" <> $1
-- args: int(5)

-- negate single and
"field" <> $1
-- args: int(5)

-- test_operator_precedence_9
"field" NOT BETWEEN $1 AND $2
-- args: int(5), int(6)

-- test_operator_precedence_collate_3
("name" COLLATE "utf8mb4_bin") = $1
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
SELECT "user"."id", "user"."name", "user"."active" FROM "user" WHERE "id" <> $1 AND "name" <> $2
-- args: int(12), string(john)

-- test_negate_operators_3
SELECT "user"."id", "user"."name", "user"."active" FROM "user" WHERE "id" <> $1 AND "name" NOT BETWEEN $2 AND $3
-- args: int(12), string(jack), string(john)

-- test_negate_operators_4
SELECT "user"."id", "user"."name", "user"."active" FROM "user" WHERE "id" <> $1 AND NOT ("name" = $2 AND "name" = $3 AND "name" = $4)
-- args: int(12), string(john), string(ed), string(fred)

-- negate gt lt ge le
("field" <= $1 AND "field" >= $2 AND "field" < $3 AND "field" > $4)
-- args: int(1), int(2), int(3), int(4)

-- negate is null, in, like, not
("field" IS NOT NULL AND "field" NOT IN ($1, $2) AND "name" NOT LIKE $3 AND "field" = $4)
-- args: int(1), int(2), string(a%), int(1)

-- negate exists
NOT EXISTS (SELECT 1 FROM "post")
-- args: 

-- test_and_false_literal_leading
false
-- args: 

-- test_and_true_literal_leading
"field" = $1
-- args: int(5)

-- test_or_false_literal_leading
"field" = $1
-- args: int(5)

-- test_or_true_literal_leading
true
-- args: 

-- test_is_true_literal
SELECT "id" FROM "user" WHERE true
-- args: 

-- test_constant_render_distinct
SELECT true, false FROM "user"
-- args: 

-- nested and or
("field" = $1 OR ("field" = $2 AND ("field" = $3 OR NOT ("field" = $4 OR "field" = $5))))
-- args: int(1), int(2), int(3), int(4), int(5)

-- test_in_1
"field" IN ($1)
-- args: int(5)

-- test_in_2
"field" IN ($1, $2, $3)
-- args: int(5), int(6), int(7)

-- test_in_24 subquery
"field" IN (SELECT "id" FROM "post")
-- args: 

-- test_in_null_combinations
"field" IN ($1, NULL)
-- args: int(1)

-- test_in_empty_single in
("field" IN (NULL) AND (1 != 1))
-- args: 

-- test_in_empty_single not_in
("field" NOT IN (NULL) OR (1 = 1))
-- args: 

-- test_in_empty_single negated in
("field" NOT IN (NULL) OR (1 = 1))
-- args: 

-- test_in_self_plus_negated
("field" IN ($1) AND "field" NOT IN ($2))
-- args: int(5), int(5)

-- test_in_self_plus_negated_empty
(("field" IN (NULL) AND (1 != 1)) AND ("field" NOT IN (NULL) OR (1 = 1)))
-- args: 

-- test_is_distinct_from
"field" IS DISTINCT FROM $1
-- args: int(1)

-- test_is_distinct_from None
"field" IS DISTINCT FROM NULL
-- args: 

-- test_not_is_distinct_from
"field" IS NOT DISTINCT FROM $1
-- args: int(1)

-- test_is_not_distinct_from
"field" IS NOT DISTINCT FROM $1
-- args: int(1)

-- test_not_is_not_distinct_from
"field" IS DISTINCT FROM $1
-- args: int(1)

-- test_like_1
"name" LIKE $1
-- args: string(somstr)

-- test_like_3
"name" LIKE $1 ESCAPE '\'
-- args: string(somstr)

-- test_like_quote_escape
"name" LIKE $1 ESCAPE ''''
-- args: string(somstr)

-- test_not_like_escape
"name" NOT LIKE $1 ESCAPE '/'
-- args: string(a%)

-- test_ilike_escape
"name" ILIKE $1 ESCAPE '/'
-- args: string(a%)

-- test_not_ilike_escape
"name" NOT ILIKE $1 ESCAPE '/'
-- args: string(a%)

-- test_contains
"name" LIKE '%' || $1 || '%'
-- args: string(o)

-- test_contains_escape
"name" LIKE '%' || $1 || '%' ESCAPE '\'
-- args: string(a%b_c)

-- test_contains_autoescape
"name" LIKE '%' || $1 || '%' ESCAPE '/'
-- args: string(a/%b/_c//d)

-- test_contains_concat
"name" LIKE '%' || "title" || '%'
-- args: 

-- test_not_contains_autoescape
"name" NOT LIKE '%' || $1 || '%' ESCAPE '/'
-- args: string(a/%b/_c//d)

-- test_startswith
"name" LIKE $1 || '%'
-- args: string(a)

-- test_startswith_autoescape
"name" LIKE $1 || '%' ESCAPE '/'
-- args: string(a/%b/_c//d)

-- test_startswith_autoescape_custom_escape
"name" LIKE $1 || '%' ESCAPE '^'
-- args: string(a^%b^_c/d^^e)

-- test_endswith
"name" LIKE '%' || $1
-- args: string(a)

-- test_endswith_autoescape
"name" LIKE '%' || $1 ESCAPE '/'
-- args: string(a/%b/_c//d)

-- test_endswith_autoescape_custom_escape
"name" LIKE '%' || $1 ESCAPE '^'
-- args: string(a^%b^_c/d^^e)

-- test_between_1
"field" BETWEEN $1 AND $2
-- args: int(1), int(2)

-- test_between_2
"field" NOT BETWEEN $1 AND $2
-- args: int(1), int(2)

-- test_concat
("name" || $1)
-- args: string(x)

