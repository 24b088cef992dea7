/** The addresses of a process's pages. */
export const processPaths = {
  page: (id: string) => `/processes/${encodeURIComponent(id)}`,
  apply: (id: string) => `/processes/${encodeURIComponent(id)}/apply`,
  participants: (id: string) => `/processes/${encodeURIComponent(id)}/participants`,
  applications: (id: string) => `/processes/${encodeURIComponent(id)}/applications`,
  draft: (id: string) => `/drafts/${encodeURIComponent(id)}`,
};
