-- Enterprises propose S&T tasks online (issue #11).
--
-- A proposal an applicant (an enterprise's account) prepares is a task row of its organisation that has not been
-- submitted yet: submitted_at NULL and stage 'draft', which is no stage of any workflow version. It has no
-- stage_events, so stage timing, the dashboard and reminders never see it; the tasks module leaves drafts out of
-- the DOST's lists, counts, search, similarity, funding sums and the public portal. Submitting sets submitted_at,
-- the regime date (the proposal date is the day it reaches the DOST) and enters the workflow's first stage.
-- Tasks entered before this migration (all by the DOST) count as submitted when they were created.
ALTER TABLE tasks ADD COLUMN submitted_at timestamptz;
UPDATE tasks SET submitted_at = created_at;
ALTER TABLE tasks ADD CONSTRAINT tasks_draft_stage CHECK ((submitted_at IS NULL) = (stage = 'draft'));
CREATE INDEX tasks_drafts ON tasks (tenant_id, host_organization_id) WHERE submitted_at IS NULL;

-- "Yêu cầu bổ sung hồ sơ": a DOST officer asks the host organisation for missing papers (the note lists them);
-- the applicant answers with new files and a note. At most one open request per task.
CREATE TABLE task_paper_requests (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id    uuid NOT NULL REFERENCES tenants(id),
  task_id      uuid NOT NULL,
  stage        text NOT NULL,
  note         text NOT NULL CHECK (length(note) BETWEEN 1 AND 4000),
  requested_by uuid REFERENCES users(id),
  requested_at timestamptz NOT NULL DEFAULT now(),
  answer_note  text CHECK (answer_note IS NULL OR length(answer_note) <= 4000),
  answered_by  uuid REFERENCES users(id),
  answered_at  timestamptz,
  FOREIGN KEY (task_id, tenant_id) REFERENCES tasks (id, tenant_id) ON DELETE CASCADE,
  CHECK ((answered_at IS NULL) = (answer_note IS NULL)),
  CHECK (answered_at IS NULL OR answered_at >= requested_at)
);
CREATE UNIQUE INDEX task_paper_requests_open ON task_paper_requests (task_id) WHERE answered_at IS NULL;
CREATE INDEX task_paper_requests_task ON task_paper_requests (task_id, requested_at);
