/**
 * Accessibility and small screens of the other pages (test/e2e/a11y.ts says how): the officer's plans, documents,
 * indicators and programmes, the council member, the leader, the unit officer and the enterprise. A file of its own
 * so that the browser suite's two workers share the pass with a11y.e2e.test.ts.
 */
import { describeRolePasses } from './a11y.ts';

describeRolePasses(['canbo#plans', 'canbo#programmes', 'hoidong', 'lanhdao', 'donvi', 'doanhnghiep'], { minPages: 15 });
