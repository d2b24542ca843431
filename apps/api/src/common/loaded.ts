/**
 * An entity read with some of its relations joined. TypeORM types a relation as optional (it is there only when
 * the query joined it); `Loaded` says which ones a loader joined, so callers read them without `!`.
 */
export type Loaded<T, K extends keyof T> = T & { [P in K]-?: Exclude<T[P], undefined> };

/**
 * The entity as `Loaded`, checked once where it is read: a relation the query did not join is a programming
 * error (500), never a caller's mistake.
 */
export function loaded<T extends object, K extends keyof T>(entity: T, ...relations: K[]): Loaded<T, K> {
  for (const relation of relations)
    if (entity[relation] === undefined)
      throw new Error(`${entity.constructor.name}.${String(relation)} was not loaded by the query`);
  return entity as Loaded<T, K>;
}
