// The workflow table for stories from scheduling on (tests/workflow/matrix.ts has the rules and the split).
import { workflowMatrixFor } from './matrix.ts';

workflowMatrixFor('after');
