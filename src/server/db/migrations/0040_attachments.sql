-- Attached files of any subject (subject_type + subject_id: a task, later a council, a plan item…), owned by the
-- attachments module. The metadata row never carries the bytes, so listing a subject's files reads no content;
-- the bytes are in attachment_blobs, behind the BlobStore interface (storage = 'db'), which an object store can
-- replace. content_type is the type recognised from the bytes, not the one the sender declared.

CREATE TABLE attachments (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id    uuid NOT NULL REFERENCES tenants(id),
  subject_type text NOT NULL CHECK (subject_type ~ '^[a-z][a-z0-9_]*$'),
  subject_id   uuid NOT NULL,
  kind         text NOT NULL CHECK (kind ~ '^[a-z][a-z0-9_]*$'),
  file_name    text NOT NULL,
  content_type text NOT NULL,
  size         integer NOT NULL CHECK (size >= 0),
  sha256       text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  -- Which BlobStore holds the bytes (keyed by this row's id).
  storage      text NOT NULL DEFAULT 'db',
  note         text,
  -- false for rows copied from task_documents below: their declared type is checked against the bytes by the
  -- attachments reference loader once, the first time the app starts on this database.
  sniffed      boolean NOT NULL DEFAULT true,
  created_by   uuid REFERENCES users(id),
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX attachments_subject ON attachments (tenant_id, subject_type, subject_id, kind);
CREATE INDEX attachments_unsniffed ON attachments (id) WHERE NOT sniffed;

CREATE TABLE attachment_blobs (
  attachment_id uuid PRIMARY KEY REFERENCES attachments(id) ON DELETE CASCADE,
  content       bytea NOT NULL
);

-- Data: every task document becomes an attachment of its task, with the same id (links keep working), bytes
-- included; then task_documents goes.
INSERT INTO attachments (id, tenant_id, subject_type, subject_id, kind, file_name, content_type, size, sha256, note,
                         sniffed, created_by, created_at)
SELECT d.id, t.tenant_id, 'task', d.task_id, d.kind, d.file_name, d.content_type, octet_length(d.content),
       encode(sha256(d.content), 'hex'), d.note, false, d.uploaded_by, d.uploaded_at
FROM task_documents d
JOIN tasks t ON t.id = d.task_id;

INSERT INTO attachment_blobs (attachment_id, content)
SELECT d.id, d.content FROM task_documents d;

DROP TABLE task_documents;
