import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';

/** Limits that stop a single request from costing the server more than any real screen needs. */
export const QUERY_LIMITS = {
  /** The board's deepest real query is 7 levels; introspection's nested ofType chains go far deeper. */
  maxDepth: 12,
  /** Aliases let one request repeat a field; the board needs a handful. */
  maxAliases: 40,
  /** Fields selected in one operation, fragments expanded. */
  maxFields: 1500,
  /** The query text itself (documents travel in variables, not in the query). */
  maxQueryLength: 50_000,
} as const;

const tooComplex = (message: string) => new GraphQLError(message, { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', reason: 'QUERY_TOO_COMPLEX' } });

interface Measure {
  depth: number;
  aliases: number;
  fields: number;
}

/** Walks a selection set with fragments expanded (each fragment once per path, so cycles cannot loop). */
function measure(set: SelectionSetNode, fragments: Record<string, FragmentDefinitionNode>, depth: number, seen: ReadonlySet<string>, acc: Measure): void {
  acc.depth = Math.max(acc.depth, depth);
  for (const selection of set.selections) {
    if (acc.fields > QUERY_LIMITS.maxFields) return; // already over: stop walking
    if (selection.kind === Kind.FIELD) {
      acc.fields++;
      if (selection.alias) acc.aliases++;
      if (selection.selectionSet) measure(selection.selectionSet, fragments, depth + 1, seen, acc);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      measure(selection.selectionSet, fragments, depth, seen, acc);
    } else {
      const name = selection.name.value;
      const fragment = fragments[name];
      if (fragment && !seen.has(name)) measure(fragment.selectionSet, fragments, depth, new Set([...seen, name]), acc);
    }
  }
}

/** One validation rule for depth, aliases and size; reports the first limit an operation breaks. */
export function queryLimitsRule(context: ValidationContext): ASTVisitor {
  const document = context.getDocument();
  if (document.loc && document.loc.source.body.length > QUERY_LIMITS.maxQueryLength) {
    context.reportError(tooComplex(`The query is longer than ${QUERY_LIMITS.maxQueryLength} characters`));
    return {};
  }
  const fragments = Object.fromEntries(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  return {
    OperationDefinition(operation) {
      const acc: Measure = { depth: 0, aliases: 0, fields: 0 };
      measure(operation.selectionSet, fragments, 1, new Set(), acc);
      if (acc.depth > QUERY_LIMITS.maxDepth) context.reportError(tooComplex(`The query is nested ${acc.depth} levels deep; at most ${QUERY_LIMITS.maxDepth} are allowed`));
      else if (acc.aliases > QUERY_LIMITS.maxAliases) context.reportError(tooComplex(`The query uses ${acc.aliases} aliases; at most ${QUERY_LIMITS.maxAliases} are allowed`));
      else if (acc.fields > QUERY_LIMITS.maxFields) context.reportError(tooComplex(`The query selects more than ${QUERY_LIMITS.maxFields} fields`));
    },
  };
}
