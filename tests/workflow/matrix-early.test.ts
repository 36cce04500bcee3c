// The workflow table for stories before approval (tests/workflow/matrix.ts has the rules and the split).
import { workflowMatrixFor } from './matrix.ts';

workflowMatrixFor('before');
