/**
 * The GraphQL operations of the configurations page, with their result shapes. A secret
 * variable comes back with `value: null`: the server never returns it.
 */
import { gql } from "urql";

export const INTERPRETERS = ["md", "python", "sh", "html"] as const;
export type Interpreter = (typeof INTERPRETERS)[number];

export type ConfigurationVariable = { name: string; value: string | null; secret: boolean };

export type Configuration = {
  id: string;
  name: string;
  description: string;
  interpreters: string[];
  variables: ConfigurationVariable[];
  memoryLimitMb: number | null;
  processLimit: number | null;
  network: boolean;
  maxInstances: number;
  creationDate: string;
  modifiedDate: string;
};

/** What the form sends; a secret without `value` keeps its stored one (update only). */
export type ConfigurationInput = {
  name: string;
  description: string;
  interpreters: string[];
  variables: Array<{ name: string; value?: string; secret: boolean }>;
  memoryLimitMb: number | null;
  processLimit: number | null;
  network: boolean;
  maxInstances: number;
};

const CONFIGURATION_FIELDS = `
  id name description interpreters variables { name value secret }
  memoryLimitMb processLimit network maxInstances creationDate modifiedDate
`;

export const CONFIGURATIONS_QUERY = gql<{ configurations: Configuration[] }, Record<string, never>>(`
  query Configurations {
    configurations { ${CONFIGURATION_FIELDS} }
  }
`);

export const CREATE_CONFIGURATION_MUTATION = gql<{ createConfiguration: Configuration }, { input: ConfigurationInput }>(`
  mutation CreateConfiguration($input: ConfigurationInput!) {
    createConfiguration(input: $input) { ${CONFIGURATION_FIELDS} }
  }
`);

export const UPDATE_CONFIGURATION_MUTATION = gql<{ updateConfiguration: Configuration }, { id: string; input: ConfigurationInput }>(`
  mutation UpdateConfiguration($id: ID!, $input: ConfigurationInput!) {
    updateConfiguration(id: $id, input: $input) { ${CONFIGURATION_FIELDS} }
  }
`);

export const DELETE_CONFIGURATION_MUTATION = gql<{ deleteConfiguration: boolean }, { id: string }>`
  mutation DeleteConfiguration($id: ID!) {
    deleteConfiguration(id: $id)
  }
`;
