export declare function postgresSchema(sqlite: string): string;
