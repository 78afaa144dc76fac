-- wangge schema, version 2: counts per division (households that are active,
-- residents who live there) come from the index alone, without reading rows:
-- the grid tree shows them for every node.
CREATE INDEX household_division_status ON household(division_code, status);
DROP INDEX household_division;
CREATE INDEX resident_division_status ON resident(division_code, status);
DROP INDEX resident_division;

-- Version 1's CHECK on division.parent_code lets a NULL parent through below
-- the county (a CHECK that yields NULL passes); refuse it here.
CREATE TRIGGER division_parent_required BEFORE INSERT ON division
WHEN length(NEW.code) > 6 AND NEW.parent_code IS NULL
BEGIN SELECT RAISE(ABORT, 'a division below the county needs its parent code'); END;
CREATE TRIGGER division_parent_kept BEFORE UPDATE OF parent_code ON division
WHEN length(NEW.code) > 6 AND NEW.parent_code IS NULL
BEGIN SELECT RAISE(ABORT, 'a division below the county needs its parent code'); END;
