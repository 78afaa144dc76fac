-- wangge schema, version 4.
--
-- Open cases, by place and deadline: the pending and overdue counts per
-- division (home screen, grid tree) read only the cases still open, however
-- many closed ones a county piles up over the years. The WHERE must stay
-- word for word the one the counts use, or SQLite will not pick this index;
-- state is in the key as well so that the counts read the index alone
-- (SQLite 3.40 still tests the state of each row).
CREATE INDEX case_open ON "case"(division_code, deadline, state)
  WHERE state NOT IN ('closed', 'handled_on_spot', 'merged');

-- A household's history includes the members who left it for another
-- household: those rows carry the new household in household_id and this
-- one only in from_household.
CREATE INDEX residence_history_from ON residence_history(from_household)
  WHERE from_household IS NOT NULL;

-- "Has any visit answered this checklist item?" decides whether an
-- administrator may remove the item (else the template is deactivated).
CREATE INDEX visit_answer_item ON visit_answer(item_id);
