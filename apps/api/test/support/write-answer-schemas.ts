/** Writes apps/api/src/common/answer-schemas.json (run by `npm run api:types`, before the document is built). */
import { writeFileSync } from 'node:fs';
import { ANSWER_SCHEMAS_FILE, answerSchemasText, generateAnswerSchemas } from './answer-schemas';

writeFileSync(ANSWER_SCHEMAS_FILE, answerSchemasText(generateAnswerSchemas()));
console.log(`Wrote ${ANSWER_SCHEMAS_FILE}`);
