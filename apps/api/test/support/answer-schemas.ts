/**
 * Generates `apps/api/src/common/answer-schemas.json`: the JSON schema of every operation's success body, taken
 * from the one place it is written — the type each controller method answers with (mostly the `libs/contracts`
 * interfaces the SPA reads too). The compiler already holds the method to that type; this turns the same type into
 * the document's schema, so nothing is written twice. Run by `npm run api:types`; the OpenAPI test regenerates it in
 * memory and fails when the checked-in file is stale.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  createFormatter,
  createParser,
  createProgram,
  DEFAULT_CONFIG,
  SchemaGenerator,
} from 'ts-json-schema-generator';
import ts from 'typescript';

const ROOT = path.resolve(__dirname, '../../../..');
const API_SRC = path.join(ROOT, 'apps/api/src');
export const ANSWER_SCHEMAS_FILE = path.join(API_SRC, 'common/answer-schemas.json');

// CreateRoute is `@Post` with the idempotency interceptor (idempotency/create-route.ts).
const ROUTE_DECORATORS = new Set(['Get', 'Post', 'CreateRoute', 'Put', 'Patch', 'Delete']);
/** Answers that are not JSON bodies: files, calendars, nothing. */
const NOT_JSON = new Set(['StreamableFile', 'void', 'undefined', 'string', 'Buffer']);

export interface AnswerSchemas {
  /** `Controller_method` (Nest's operationId) → schema of its 2xx JSON body. */
  operations: Record<string, Record<string, unknown>>;
  /** Named schemas the operations refer to (`#/components/schemas/Name`). */
  schemas: Record<string, unknown>;
}

function decoratorNames(node: ts.Node): string[] {
  return (ts.canHaveDecorators(node) ? (ts.getDecorators(node) ?? []) : []).flatMap((decorator) => {
    const expression = decorator.expression;
    const callee = ts.isCallExpression(expression) ? expression.expression : expression;
    return ts.isIdentifier(callee) ? [callee.text] : [];
  });
}

function controllerFiles(dir: string): string[] {
  return ts.sys
    .readDirectory(dir, ['.ts'], undefined, ['**/*.controller.ts'])
    .filter((file) => !file.endsWith('.spec.ts'));
}

/** What each route method answers with, as a type written in a generated module that imports it. */
function answerTypes(program: ts.Program, files: string[]): { operations: Map<string, string>; module: string } {
  const checker = program.getTypeChecker();
  const imports = new Map<string, string>(); // local alias → import line
  const operations = new Map<string, string>();

  const nameOf = (type: ts.Type, at: ts.Node): string | undefined => {
    const symbol = type.aliasSymbol ?? type.getSymbol();
    const declaration = symbol?.declarations?.[0];
    if (!symbol || !declaration) return undefined;
    if (!ts.isInterfaceDeclaration(declaration) && !ts.isTypeAliasDeclaration(declaration)) return undefined;
    const file = declaration.getSourceFile().fileName;
    const name = symbol.getName();
    const source = file.includes('/libs/contracts/')
      ? '@ccc/contracts'
      : file.includes('/libs/programme/')
        ? '@ccc/programme'
        : path.relative(path.join(ROOT, 'tmp'), file).replace(/\.ts$/, '');
    if (type.aliasTypeArguments?.length || (type as ts.TypeReference).typeArguments?.length)
      throw new Error(`${checker.typeToString(type, at)}: name the generic answer with a type alias`);
    const existing = imports.get(name);
    const line = `import type { ${name} } from '${source}';`;
    if (existing && existing !== line) throw new Error(`Two answer types are called ${name}: rename one`);
    imports.set(name, line);
    return name;
  };

  const written = (type: ts.Type, at: ts.Node): string => {
    if (checker.isArrayType(type)) {
      const [item] = checker.getTypeArguments(type as ts.TypeReference);
      if (!item) throw new Error(`An array type without its item type at ${at.getText()}`);
      return `${written(item, at)}[]`;
    }
    const named = nameOf(type, at);
    if (named) return named;
    // An anonymous shape (`{ status: 'ok' }`) is written out as the compiler prints it.
    return checker.typeToString(type, at, ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.InTypeAlias);
  };

  for (const file of files) {
    const source = program.getSourceFile(file);
    if (!source) continue;
    source.forEachChild(function visit(node) {
      if (!ts.isClassDeclaration(node) || !node.name || !decoratorNames(node).includes('Controller')) return;
      for (const member of node.members) {
        if (!ts.isMethodDeclaration(member) || !ts.isIdentifier(member.name)) continue;
        if (!decoratorNames(member).some((name) => ROUTE_DECORATORS.has(name))) continue;
        const signature = checker.getSignatureFromDeclaration(member);
        if (!signature) continue;
        const returned = checker.getReturnTypeOfSignature(signature);
        const awaited = checker.getAwaitedType(returned) ?? returned;
        // `Promise<Body | void>`: a JSON body, or no content (204); the body is what is documented.
        const bodies = awaited.isUnion()
          ? awaited.types.filter((part) => !(part.flags & (ts.TypeFlags.Void | ts.TypeFlags.Undefined)))
          : [awaited];
        const answer = bodies.length === 1 ? bodies[0]! : awaited;
        const text = checker.typeToString(answer, member);
        if (NOT_JSON.has(text) || answer.flags & ts.TypeFlags.Void) continue;
        operations.set(`${node.name.text}_${member.name.text}`, written(answer, member));
      }
    });
  }
  const module = [
    ...[...imports.values()].sort(),
    '',
    'export interface Answers {',
    ...[...operations].sort(([a], [b]) => a.localeCompare(b)).map(([id, type]) => `  ${id}: ${type};`),
    '}',
    '',
  ].join('\n');
  return { operations, module };
}

/** Rewrites draft-07 `#/definitions/X` references to the document's `#/components/schemas/X`. */
function toComponents<T>(schema: T): T {
  return JSON.parse(
    JSON.stringify(schema).replace(/"#\/definitions\/([^"]+)"/g, (_, name: string) => {
      return JSON.stringify(`#/components/schemas/${decodeURIComponent(name)}`);
    }),
  ) as T;
}

export function generateAnswerSchemas(): AnswerSchemas {
  const tsconfig = path.join(ROOT, 'apps/api/tsconfig.app.json');
  const files = controllerFiles(API_SRC);
  const config = ts.getParsedCommandLineOfConfigFile(
    tsconfig,
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined },
  );
  if (!config) throw new Error(`Cannot read ${tsconfig}`);
  const program = ts.createProgram(files, config.options);
  const { module } = answerTypes(program, files);

  // The generated module sits in tmp/ (inside the workspace, so `@ccc/*` paths resolve) only while it is read.
  // A fresh clone has no tmp/ until a test run makes one.
  mkdirSync(path.join(ROOT, 'tmp'), { recursive: true });
  const dir = mkdtempSync(path.join(ROOT, 'tmp', 'answers-'));
  try {
    const file = path.join(dir, 'answers.ts');
    // The module was written relative to tmp/; it now sits one folder deeper.
    writeFileSync(file, module.replace(/from '\.\.\//g, "from '../../"));
    const generatorConfig = {
      ...DEFAULT_CONFIG,
      path: file,
      tsconfig,
      type: 'Answers',
      expose: 'export' as const,
      topRef: false,
      jsDoc: 'extended' as const,
      skipTypeCheck: true,
      additionalProperties: false,
      sortProps: true,
    };
    const generatorProgram = createProgram(generatorConfig);
    const generator = new SchemaGenerator(
      generatorProgram,
      createParser(generatorProgram, generatorConfig),
      createFormatter(generatorConfig),
      generatorConfig,
    );
    const schema = generator.createSchema('Answers') as {
      properties: Record<string, Record<string, unknown>>;
      definitions?: Record<string, unknown>;
    };
    const operations = toComponents(schema.properties);
    const schemas = toComponents(schema.definitions ?? {});
    return {
      operations: Object.fromEntries(Object.entries(operations).sort(([a], [b]) => a.localeCompare(b))),
      schemas: Object.fromEntries(Object.entries(schemas).sort(([a], [b]) => a.localeCompare(b))),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function answerSchemasText(schemas: AnswerSchemas): string {
  return `${JSON.stringify(schemas, null, 2)}\n`;
}
