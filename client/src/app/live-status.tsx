import { createContext, useContext } from 'react';

/** Whether the live connection (graphql-ws) is up, for the header's indicator. */
export const LiveStatusContext = createContext<boolean>(false);
export const useLiveStatus = () => useContext(LiveStatusContext);
