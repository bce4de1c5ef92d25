import 'reflect-metadata';
import { graphql } from 'graphql';
import { Authorized, buildSchema, Field, FieldResolver, ObjectType, Query, Resolver, Root, type AuthChecker } from 'type-graphql';
import { inlinePlainFields } from '../../src/graphql/simple-fields';
import { createExecutor } from '../../src/graphql/executor';
import { parse } from 'graphql';

@ObjectType('SimpleFieldsProbe')
class Probe {
  @Field()
  plain!: string;

  @Authorized('SECRET_READ')
  @Field()
  guarded!: string;

  @Field({ name: 'renamed' })
  stored!: string;

  @Field()
  computed!: string;
}

@Resolver(() => Probe)
class ProbeResolver {
  @Query(() => Probe)
  simpleFieldsProbe(): Probe {
    return Object.assign(new Probe(), { plain: 'p', guarded: 'g', stored: 's', computed: 'raw' });
  }

  @FieldResolver(() => String)
  computed(@Root() probe: Probe): string {
    return `${probe.computed}!`;
  }
}

describe(inlinePlainFields.name, () => {
  const denyAll: AuthChecker = () => false;

  it('drops only the resolvers of plain fields, and keeps permission checks, renames and field resolvers', async () => {
    const schema = inlinePlainFields(await buildSchema({ resolvers: [ProbeResolver], authChecker: denyAll, validate: false }));
    const fields = schema.getType('SimpleFieldsProbe')!.toConfig() as unknown as { fields: Record<string, { resolve?: unknown }> };
    expect(Object.fromEntries(Object.entries(fields.fields).map(([name, f]) => [name, f.resolve !== undefined]))).toEqual({ plain: false, guarded: true, renamed: true, computed: true });

    const execute = createExecutor(schema);
    // The second run of a document is the compiled one (the first runs on graphql-js).
    const run = async (args: Parameters<typeof execute>[0]) => (await execute(args), execute(args));
    const allowed = await run({ document: parse('{ simpleFieldsProbe { plain renamed computed } }'), contextValue: {} });
    expect(allowed).toEqual({ data: { simpleFieldsProbe: { plain: 'p', renamed: 's', computed: 'raw!' } } });
    // The @Authorized field still asks the auth checker, through graphql-jit as through graphql-js.
    const query = '{ simpleFieldsProbe { plain guarded } }';
    const jit = await run({ document: parse(query), contextValue: {} });
    const js = await graphql({ schema, source: query, contextValue: {} });
    expect(jit.errors?.[0]?.path).toEqual(['simpleFieldsProbe', 'guarded']);
    expect(JSON.stringify(jit)).toBe(JSON.stringify(js));
  });
});
